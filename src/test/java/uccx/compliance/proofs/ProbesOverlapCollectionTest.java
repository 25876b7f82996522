package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live probes run while Exchange answers the run's one collection, not after it: a live
 * control that waited for the snapshot before it had a refusal to explain would add the whole
 * collection to every run's time.
 */
@Tag("proof")
class ProbesOverlapCollectionTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path reports;

    @Test
    void theCapacityProbeRunsWhileTheCollectionIsUnderWay() {
        // A slow PowerShell start (6 s) and slow logins (2 x (120 + 1) sessions, 16 connecting at once, each password sent
        // in turn after the one before was answered, so that at most one is ever refused: 20 ms each, about 4.8 s).
        ProofRun run = ProofRun.ofChangedLab(PROJECT, reports, "slow-collection", lab -> lab.lab().putObject("latencyModel")
                .put("shellStartMillis", 6000).put("winRmRoundTripMillis", 0).put("adCallMillis", 0).put("imapLoginMillis", 20));

        assertThat(run.outcomes()).allSatisfy(line -> assertThat(line).endsWith(" compliant"));
        long collection = run.summary().path("measurements").path("collectionMillis").asLong();
        long capacity = run.summary().path("measurements").path("capacityMillis").asLong();
        long wall = Duration.between(Instant.parse(run.summary().path("started").asText()),
                Instant.parse(run.summary().path("finished").asText())).toMillis();
        assertThat(collection).as("collection ms").isGreaterThanOrEqualTo(6000);
        assertThat(capacity).as("capacity ms").isGreaterThanOrEqualTo(4000);
        assertThat(wall).as("the run's wall time, against collection %d ms + capacity %d ms one after the other", collection, capacity)
                .isLessThan(collection + capacity);
    }
}
