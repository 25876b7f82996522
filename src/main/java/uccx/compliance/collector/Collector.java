package uccx.compliance.collector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import uccx.compliance.collector.clixml.CliXml;
import uccx.compliance.collector.clixml.CliXmlDocument;
import uccx.compliance.collector.clixml.CliXmlException;
import uccx.compliance.collector.clixml.PsError;
import uccx.compliance.collector.shell.ManagementShell;
import uccx.compliance.collector.shell.ShellException;
import uccx.compliance.collector.shell.ShellOutput;

/**
 * Collects every fact of a run with ONE remote command: loading the Exchange cmdlets costs
 * seconds, and a round trip per check would multiply that by every server and connector.
 */
public final class Collector {

    private final CollectorScript script;
    private final Clock clock;

    public Collector(CollectorScript script, Clock clock) {
        this.script = script;
        this.clock = clock;
    }

    /**
     * Runs the script once through the shell. A failure of the shell itself (connect, authenticate,
     * timeout) or output that cannot be read makes every fact "not collected" with that reason: the
     * controls then say "could not verify", never compliant.
     */
    public Snapshot collect(CollectionScope scope, ManagementShell shell) {
        RemoteCommand command = script.command(scope, shell.bringsCredential());
        Instant started = clock.instant();
        SnapshotReader reader = new SnapshotReader(scope);
        ShellOutput output = null;
        try {
            output = shell.run(command);
            Duration elapsed = Duration.between(started, clock.instant());
            CliXmlDocument document = CliXml.parse(output.stdout());
            if (document.output().isEmpty() && output.exitCode() != 0) {
                return failed(reader, scope, shell.describe(), "powershell.exe on " + shell.describe() + " ended with exit code "
                        + output.exitCode() + firstError(output.stderr()), started, elapsed, output.stdout());
            }
            return reader.read(withStandardError(document, output.stderr()), output.stdout(), shell.describe(), started, elapsed);
        } catch (ShellException e) {
            // The shell's message already names its hop.
            String reason = e.getMessage() + Prerequisite.advice(Prerequisite.behind(null, "", e.getMessage(), ""), "").map(p -> "; " + p)
                    .orElse("");
            return failed(reader, scope, shell.describe(), reason, started, Duration.between(started, clock.instant()), "");
        } catch (CliXmlException e) {
            return failed(reader, scope, shell.describe(), "unreadable output from " + shell.describe() + ": " + e.getMessage(), started,
                    Duration.between(started, clock.instant()), output == null ? "" : output.stdout());
        }
    }

    private static CliXmlDocument withStandardError(CliXmlDocument output, String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return output;
        }
        try {
            return output.withErrors(CliXml.parse(stderr).errors());
        } catch (CliXmlException notCliXml) {
            return output;
        }
    }

    /**
     * What powershell.exe said before it ended: the first error record of its error stream (CliXml
     * under -OutputFormat XML) with the prerequisite it points at, else the first line that is not
     * the {@code #< CLIXML} marker.
     */
    private static String firstError(String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return "";
        }
        try {
            List<PsError> errors = CliXml.parse(stderr).errors();
            if (!errors.isEmpty()) {
                PsError first = errors.get(0);
                return ": " + first.message() + (first.fullyQualifiedErrorId().isBlank() ? "" : " (" + first.fullyQualifiedErrorId() + ")")
                        + Prerequisite.advice(Prerequisite.behind(null, "", first.message(), first.fullyQualifiedErrorId()), "")
                        .map(p -> "; " + p).orElse("");
            }
        } catch (CliXmlException notCliXml) {
            // plain text: its first line says it
        }
        return ": " + stderr.strip().lines().filter(l -> !l.strip().equals("#< CLIXML") && !l.isBlank()).findFirst().orElse("");
    }

    private static Snapshot failed(SnapshotReader reader, CollectionScope scope, String source, String reason, Instant started,
                                   Duration elapsed, String raw) {
        return reader.unreachable(source, reason, raw, started, elapsed);
    }
}
