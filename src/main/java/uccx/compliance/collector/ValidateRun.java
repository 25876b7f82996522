package uccx.compliance.collector;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import uccx.compliance.environment.ValidateEnvironment;

/**
 * The build step before any control runs ({@code pre-integration-test}): the environment file, as
 * {@link ValidateEnvironment} checks it, and the {@code -Dsnapshot} file to replay, if any. It sits
 * in the collector room because reading CliXml is the collector's business and the environment
 * room must not depend on it.
 */
public final class ValidateRun {

    private ValidateRun() {
    }

    /**
     * Arguments: the {@code -Denv} value, the project directory, and the {@code -Dsnapshot} value
     * (empty, or left out, for no replay). Exits 1 when either is wrong, 2 on a wrong call.
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err, System.getenv());
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@link #main} without the exit, for tests. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> variables) {
        if (args.length != 2 && args.length != 3) {
            err.println("usage: ValidateRun <env name or path.yaml> <project dir> [<snapshot file>]");
            return 2;
        }
        int environment = ValidateEnvironment.run(new String[] {args[0], args[1]}, out, err, variables);
        if (environment == 2) {
            return environment;
        }
        Optional<String> snapshot;
        try {
            snapshot = SnapshotFile.problem(args.length == 3 ? args[2] : "", Path.of(args[1]).toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            // A bug of ours, not of the file: still no stack trace in the build log, and no message that might quote content.
            err.println("could not check the snapshot file: " + e.getClass().getName() + " (a bug in ValidateRun; please report it)");
            return 2;
        }
        // Both are reported in one run, so that fixing one does not merely reveal the other.
        snapshot.ifPresent(problem -> {
            err.println(problem);
            err.println("1 error: -Dsnapshot must name the collector's CliXml output before the controls can run.");
        });
        return snapshot.isPresent() ? 1 : environment;
    }
}
