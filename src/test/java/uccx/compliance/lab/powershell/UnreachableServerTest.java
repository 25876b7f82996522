package uccx.compliance.lab.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.CollectionScope;
import uccx.compliance.collector.CollectorScript;
import uccx.compliance.collector.FactName;
import uccx.compliance.collector.RawRecords;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.lab.LabState;
import uccx.compliance.lab.LatencyModel;

/**
 * A Mailbox server that does not answer RPC ({@code lab.faults.unreachable}), played by the lab's
 * powershell.exe: the script's reads of it hang, the script gives up on each after its bound and
 * says so, the Exchange cmdlets about the server still answer from Active Directory, and the
 * command keeps writing while it waits, so that a WinRM OperationTimeout far shorter than the
 * wait never finds it silent. Closing the lab ends the hang.
 */
class UnreachableServerTest {

    /** A WinRM OperationTimeout far below WinRM's 60 s: the longest the command may stay silent. */
    private static final Duration SHORT_OPERATION_TIMEOUT = Duration.ofSeconds(7);
    private static final int TARGET_SECONDS = 11;

    private static LabState.Server server(String name) {
        return new LabState.Server(name, "Version 14.3 (Build 123.4)", List.of("ClientAccess", "Mailbox", "HubTransport"), Map.of(),
                Map.of(LabState.STORE_KEY, Map.of(LabState.SERVICE_SESSIONS_VALUE, 256L)), List.of());
    }

    private static LabState withDead(String server) {
        return new LabState(List.of(server("EXCH01"), server("EXCH02")), List.of(), List.of(),
                List.of(new LabState.Mailbox("uccx@lab.example.com", "LAB\\uccx", "/o=Lab/cn=uccx", Optional.empty())), List.of(),
                new LabState.Faults(0, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(server)));
    }

    @Test
    void progressRecordsFlowWhileADeadServerIsAwaitedAndItsReadsFailAfterTheirBound() throws Exception {
        List<String> violations = new ArrayList<>();
        ExecutorService process = Executors.newSingleThreadExecutor();
        try (LabRunspaces runspaces = LabRunspaces.start()) {
            LabPowerShell lab = new LabPowerShell(withDead("EXCH02"), Clock.systemUTC(), violations::add, new CallCosts(LatencyModel.NONE),
                    Duration.ZERO, process, runspaces, p -> false);
            CollectionScope scope = new CollectionScope(List.of("EXCH01", "EXCH02"), List.of("EXCH01", "EXCH02"), List.of(),
                    "uccx@lab.example.com", "LAB\\uccx", 24, Duration.ofSeconds(TARGET_SECONDS), 8);
            RemoteCommand command = CollectorScript.bundled().command(scope);

            long begun = System.nanoTime();
            LabPowerShell.Session session = lab.start(command.commandLine());
            session.input(String.join("\r\n", command.standardInput()) + "\r\n");
            Console console = Console.watch(session, Duration.ofSeconds(TARGET_SECONDS + 20));
            Duration took = Duration.ofNanos(System.nanoTime() - begun);

            assertThat(session.result()).as("the command ended").isPresent();
            assertThat(took).as("the command, bounded by the dead server's reads").isBetween(Duration.ofSeconds(TARGET_SECONDS),
                    Duration.ofSeconds(TARGET_SECONDS + 5));
            assertThat(console.longestSilence()).as("the longest the console stayed silent").isLessThan(SHORT_OPERATION_TIMEOUT);
            String stdout = session.result().get().stdout();
            assertThat(count(stdout, "<S N=\"UccxRecord\">progress</S>")).as("progress records").isGreaterThanOrEqualTo(2);
            assertThat(statusOf(stdout, "registry", "EXCH02")).contains("<S N=\"Status\">failed</S>",
                    "<S N=\"Message\">EXCH02 did not answer within 11 s</S>", "<S N=\"ErrorId\">UccxTargetTimeout</S>");
            assertThat(statusOf(stdout, "storeEvents", "EXCH02")).contains("<S N=\"Message\">EXCH02 did not answer within 11 s</S>");
            assertThat(statusOf(stdout, "registry", "EXCH01")).contains("<S N=\"Status\">collected</S>");
            assertThat(statusOf(stdout, "imapSettings", "EXCH02")).as("Get-ImapSettings -Server EXCH02 reads Active Directory")
                    .contains("<S N=\"Status\">collected</S>");
            assertThat(violations).isEmpty();
        } finally {
            process.shutdownNow();
        }
    }

    @Test
    void closingTheLabEndsARunspaceHungOnADeadServer() throws Exception {
        LabRunspaces runspaces = LabRunspaces.start();
        Thread hung = new Thread(runspaces::hangLikeRpcToADeadServer, "hung-rpc");
        hung.start();
        Thread.sleep(200);
        assertThat(hung.isAlive()).as("hangs while the lab runs").isTrue();

        runspaces.close();
        hung.join(1000);

        assertThat(hung.isAlive()).as("still hung after the lab closed").isFalse();
    }

    private static int count(String text, String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }

    /** The status record the script wrote for one fact and target. */
    private static String statusOf(String stdout, String fact, String target) {
        return RawRecords.of(stdout).of(FactName.ofSection(fact), target).stream().filter(o -> o.contains("<S N=\"UccxRecord\">status</S>"))
                .findFirst().orElse("no status record for " + fact + " " + target);
    }

    /** A reader of the command's console: when its output last grew, and the longest it stayed silent. */
    private record Console(Duration longestSilence) {
        static Console watch(LabPowerShell.Session session, Duration limit) throws InterruptedException {
            long start = System.nanoTime();
            long lastGrowth = start;
            long longest = 0;
            int seen = 0;
            while (session.result().isEmpty() && System.nanoTime() - start < limit.toNanos()) {
                Thread.sleep(100);
                int length = session.writtenSoFar().length();
                long now = System.nanoTime();
                if (length > seen) {
                    seen = length;
                    lastGrowth = now;
                }
                longest = Math.max(longest, now - lastGrowth);
            }
            return new Console(Duration.ofNanos(longest));
        }
    }
}
