package uccx.compliance.collector.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import uccx.compliance.collector.RemoteCommand;

/**
 * The air-gapped path: instead of running the collector script, answer with the output an admin
 * saved from running it (for example a run's {@code snapshot.xml}). Nothing touches a network.
 */
public final class SnapshotReplay implements ManagementShell {

    private final Path file;

    public SnapshotReplay(Path file) {
        this.file = file;
    }

    @Override
    public ShellOutput run(RemoteCommand command) throws ShellException {
        try {
            return new ShellOutput(SnapshotText.read(file), "", 0, Duration.ZERO);
        } catch (IOException e) {
            throw new ShellException("snapshot file " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String describe() {
        String written;
        try {
            written = Files.getLastModifiedTime(file).toInstant().toString();
        } catch (IOException e) {
            written = "unknown";
        }
        return "snapshot file " + file.toAbsolutePath() + " (written " + written + "), replayed with no network";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
