package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Mailbox server that does not answer RPC ({@code lab.faults.unreachable: [EXCH02]}) costs the run
 * its bound ({@code timeouts.targetSeconds}, default 15 s), not the run: only EXCH02's own Windows
 * facts (its remote registry, its event log and its WMI: IMAP-02, IMAP-03, SVC-01, SVC-02) are could-not-verify, saying
 * that EXCH02 did not answer within 15 s, and every other control and target keeps its verdict,
 * EXCH02's IMAP settings (read from Active Directory) included. On the code before, the script
 * asked each server in turn in the one command, so the dead server's hang held the whole command
 * until the read timeout and every configuration control was could-not-verify.
 */
@Tag("proof")
class DeadServerTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    /** timeouts.targetSeconds left at its default. */
    private static final Duration TARGET = Duration.ofSeconds(15);
    /** The compliant lab's own time (starting the lab, 242 IMAP sessions, the controls), generously: measured, not tuned. */
    private static final Duration MARGIN = Duration.ofSeconds(20);
    /** Stopping the lab and its threads, the dead server's hung runspaces among them. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(6);

    @TempDir
    Path reports;

    @Test
    void onlyTheDeadServersWindowsFactsCouldNotVerifyAndTheRunEndsWithinItsBound() {
        Instant begun = Instant.now();
        ProofRun run = ProofRun.ofChangedLab(PROJECT, reports, "dead-server-exch02",
                lab -> lab.faults().putArray("unreachable").add("EXCH02"));
        Duration wall = Duration.between(begun, Instant.now());
        Duration took = Duration.between(Instant.parse(run.summary().path("started").asText()),
                Instant.parse(run.summary().path("finished").asText()));
        System.out.printf("dead server EXCH02: the run took %d ms (summary), %d ms with the lab's start and stop; bound %d ms%n",
                took.toMillis(), wall.toMillis(), TARGET.plus(MARGIN).toMillis());

        ProofRunAssert.assertThat(run).reportsOnly("could-not-verify", "IMAP-02 EXCH02", "IMAP-03 EXCH02", "SVC-01 EXCH02", "SVC-02 EXCH02")
                .hasMessage("SVC-01", "EXCH02", "remote WMI on EXCH02", "EXCH02 did not answer within 15 s")
                .hasMessage("IMAP-02", "EXCH02", "IMAP-02", "remote registry on EXCH02", "EXCH02 did not answer within 15 s")
                .hasMessage("IMAP-03", "EXCH02", "IMAP-03", "Application event log on EXCH02", "EXCH02 did not answer within 15 s")
                .sentRemoteCommands(1);
        assertThat(took).as("the run, summary started to finished").isLessThanOrEqualTo(TARGET.plus(MARGIN));
        assertThat(wall).as("the in-process run with the lab's start and stop").isLessThanOrEqualTo(TARGET.plus(MARGIN).plus(SHUTDOWN));
    }
}
