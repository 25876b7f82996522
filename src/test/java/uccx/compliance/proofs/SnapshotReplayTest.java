package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air-gapped path: the snapshot a live run kept, replayed with {@code snapshot=<file>}, gives
 * the same configuration results with no network at all; the live controls are not applicable.
 */
@Tag("proof")
class SnapshotReplayTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path liveReports;

    @TempDir
    Path replayReports;

    @Test
    void aReplayedSnapshotGivesTheSameResultsAsTheRunItCameFrom() throws Exception {
        LabVariant lab = LabVariant.ofCompliantLab(PROJECT);
        ((ObjectNode) lab.server("EXCH02").get("imapSettings")).put("MaxConnectionsPerUser", 16);
        lab.connector("EXCH01\\UCCX Relay").put("MessageRateLimit", 100);
        Path environment = lab.writeTo(PROJECT.resolve("target/proof-environments"), "replay-source");
        ProofRun live = ProofRun.of(environment, PROJECT, liveReports);
        Path snapshot = live.runFolder(liveReports).resolve("snapshot.xml");
        assertThat(Files.readString(snapshot)).startsWith("#< CLIXML");

        ProofRun replay = ProofRun.of(environment, PROJECT, replayReports, Map.of(), Map.of("snapshot", snapshot.toString()));

        assertThat(replay.outcomes()).filteredOn(o -> !o.startsWith("LIVE-") && !o.startsWith("NET-"))
                .containsExactlyElementsOf(live.outcomes().stream().filter(o -> !o.startsWith("LIVE-") && !o.startsWith("NET-")).toList())
                .contains("IMAP-01 EXCH02 non-compliant", "SMTP-01 EXCH01\\UCCX Relay non-compliant");
        assertThat(replay.outcomes()).filteredOn(o -> o.startsWith("LIVE-") || o.startsWith("NET-"))
                .isNotEmpty().allMatch(o -> o.endsWith("not-applicable"));
        assertThat(replay.remoteCommands()).as("nothing was sent anywhere").isZero();
        assertThat(Files.readString(replay.runFolder(replayReports).resolve("snapshot-source.txt")))
                .contains("snapshot file").contains("replayed with no network")
                .containsPattern("the script ran at \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z on EXCH01 \\(PowerShell 2.0\\)");
    }
}
