package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    @TempDir
    Path project;

    private static final String COMMIT = "86657c6a1b2c3d4e5f60718293a4b5c6d7e8f901";

    @Test
    void readsTheCheckedOutCommitFromALooseRef() throws Exception {
        Files.createDirectories(project.resolve(".git/refs/heads"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(project.resolve(".git/refs/heads/main"), COMMIT + "\n");

        assertThat(Runner.gitCommit(project)).isEqualTo(COMMIT);
    }

    @Test
    void readsItFromPackedRefsAsAFreshCloneHasThem() throws Exception {
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(project.resolve(".git/packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n"
                + COMMIT + " refs/heads/main\n");

        assertThat(Runner.gitCommit(project)).isEqualTo(COMMIT);
    }

    @Test
    void aDetachedHeadIsTheCommitItself() throws Exception {
        Files.createDirectories(project.resolve(".git"));
        Files.writeString(project.resolve(".git/HEAD"), COMMIT + "\n");

        assertThat(Runner.gitCommit(project)).isEqualTo(COMMIT);
    }

    @Test
    void outsideACloneItSaysSo() {
        assertThat(Runner.gitCommit(project)).startsWith("unknown");
    }
}
