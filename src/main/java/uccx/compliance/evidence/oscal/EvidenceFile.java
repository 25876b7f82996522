package uccx.compliance.evidence.oscal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of the evidence bundle an observation rests on.
 *
 * @param path   where it is in the bundle (and the run folder), with '/' between folders
 * @param sha256 its SHA-256, lower-case hex, as {@code MANIFEST.sha256} lists it
 */
public record EvidenceFile(String path, String sha256) {

    /** The file as it will be bundled under {@code path}; its bytes are read now. */
    public static EvidenceFile of(String path, Path file) {
        try {
            return new EvidenceFile(path, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + " to hash it", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The file's name without its folders. */
    String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
