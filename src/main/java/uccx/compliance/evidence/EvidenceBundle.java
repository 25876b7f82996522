package uccx.compliance.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import uccx.compliance.environment.SigningKey;

/**
 * Seals a run folder for the change board: the environment file beside the run's files (it holds
 * secrets only as {@code ${VAR}} references: literal passwords are refused when it is read), a
 * {@code MANIFEST.sha256} in {@code sha256sum} format, and one zip of it all.
 */
public final class EvidenceBundle {

    public static final String MANIFEST = "MANIFEST.sha256";

    private EvidenceBundle() {
    }

    /** @return the zip, {@code evidence-<env>-<run>.zip} inside the run folder */
    public static Path seal(Path runFolder, Path environmentFile, String environment) {
        return seal(runFolder, environmentFile, environment, Optional.empty());
    }

    /**
     * As above, and with a signer the manifest is signed ({@link ManifestSignature}) before the zip
     * is made, so the zip holds the signature too. The key store itself is never copied here.
     */
    public static Path seal(Path runFolder, Path environmentFile, String environment, Optional<SigningKey> signer) {
        try {
            Files.copy(environmentFile, runFolder.resolve("environment.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<Path> files = evidence(runFolder, false);
            StringBuilder manifest = new StringBuilder();
            for (Path file : files) {
                manifest.append(sha256(file)).append("  ").append(runFolder.relativize(file).toString().replace('\\', '/')).append('\n');
            }
            Files.writeString(runFolder.resolve(MANIFEST), manifest.toString());
            if (signer.isPresent()) {
                ManifestSignature.sign(runFolder.resolve(MANIFEST), signer.get(), Instant.now());
            } else {
                // a signature of the manifest this replaced would fail openssl cms -verify: none is better than a wrong one
                Files.deleteIfExists(runFolder.resolve(ManifestSignature.FILE));
            }
            Path zip = runFolder.resolve("evidence-" + environment + "-" + runFolder.getFileName() + ".zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
                for (Path file : evidence(runFolder, true)) {
                    archive.putNextEntry(new ZipEntry(runFolder.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, archive);
                    archive.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException("could not seal the evidence of " + runFolder, e);
        }
    }

    /**
     * The run's files, without the zip itself; the manifest and its signature are in the zip, not
     * in the manifest (the signature is made of it).
     */
    private static List<Path> evidence(Path runFolder, boolean withManifest) throws IOException {
        Set<Path> manifest = Set.of(runFolder.resolve(MANIFEST), runFolder.resolve(ManifestSignature.FILE));
        try (Stream<Path> walk = Files.walk(runFolder)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".zip"))
                    .filter(f -> withManifest || !manifest.contains(f)).sorted().toList();
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
