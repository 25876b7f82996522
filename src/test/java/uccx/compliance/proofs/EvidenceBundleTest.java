package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sealed evidence of a run: a manifest that sha256sum -c verifies, and that fails once a byte changes. */
@Tag("proof")
class EvidenceBundleTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path reports;

    private static int sha256sumCheck(Path folder) throws IOException, InterruptedException {
        Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", "MANIFEST.sha256").directory(folder.toFile())
                .redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return check.exitValue();
    }

    @Test
    void theManifestVerifiesAndFailsAfterOneByteChanges() throws Exception {
        ProofRun run = ProofRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports);
        Path folder = run.runFolder(reports);
        String manifest = Files.readString(folder.resolve("MANIFEST.sha256"));
        assertThat(manifest).contains("  summary.json", "  snapshot.xml", "  collect.ps1", "  remediation.ps1", "  environment.yaml");
        assertThat(sha256sumCheck(folder)).isZero();

        List<String> zipped = new ArrayList<>();
        try (ZipFile zip = new ZipFile(folder.resolve("evidence-lab-" + folder.getFileName() + ".zip").toFile())) {
            zip.stream().forEach(e -> zipped.add(e.getName()));
        }
        assertThat(zipped).contains("MANIFEST.sha256", "summary.json", "snapshot.xml", "environment.yaml");

        byte[] summary = Files.readAllBytes(folder.resolve("summary.json"));
        summary[summary.length / 2] ^= 1;
        Files.write(folder.resolve("summary.json"), summary);
        assertThat(sha256sumCheck(folder)).isNotZero();
    }

    @Test
    void theBundledEnvironmentHoldsNoSecret() throws Exception {
        ProofRun run = ProofRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports);
        Path folder = run.runFolder(reports);
        String all = new String(Files.readAllBytes(folder.resolve("environment.yaml")), StandardCharsets.UTF_8)
                + Files.readString(folder.resolve("summary.json")) + Files.readString(folder.resolve("snapshot.xml"));
        assertThat(all).doesNotContainIgnoringCase("password:").doesNotContain("lab-audit-");
    }
}
