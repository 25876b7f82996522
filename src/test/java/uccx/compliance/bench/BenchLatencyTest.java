package uccx.compliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The benchmark's floor and ratio, as the issue defines them. Not timed. */
class BenchLatencyTest {

    private final BenchLatency issue = BenchLatency.ISSUE;

    @Test
    void theCollectionFloorIsOneShellStartFourRoundTripsAndEveryCmdletCall() {
        // 20 servers, 50 connectors: 1 + 20 + 20 + 20 + 1 + 50 + 1 + 1 = 114 calls
        assertThat(issue.collectionFloorMillis(114)).isEqualTo(3000 + 4 * 50 + 114 * 100);
    }

    @Test
    void theCapacityFloorIsOneLoginAloneThenWavesOfLoginsInFlight() {
        // 802 sessions: 1 alone, then 801 over 16 at a time = 51 waves
        assertThat(issue.capacityFloorMillis(802, 16)).isEqualTo((1 + 51) * 150);
        assertThat(issue.capacityFloorMillis(1, 16)).isEqualTo(150);
    }

    @Test
    void theFloorIsTheLargerOfTheTwo() {
        assertThat(issue.floorMillis(9, 802, 16)).isEqualTo(7800);
        assertThat(issue.floorMillis(114, 802, 16)).isEqualTo(14600);
    }

    @Test
    void ratioIsWallOverFloor() {
        assertThat(BenchLatency.ratio(21900, 14600)).isEqualTo(1.5);
    }

    @Test
    void aResultIsReadFromTheRunSummary() throws Exception {
        var summary = new ObjectMapper().readTree("""
                {"started": "2026-01-01T00:00:00Z", "finished": "2026-01-01T00:00:19.500Z", "remoteCommands": 1,
                 "outcomes": {"compliant": 139, "non-compliant": 0},
                 "measurements": {"collectionMillis": 15000, "capacityMillis": 9000, "capacitySessions": "802 of 802",
                                  "labCmdletCalls": 114}}""");
        BenchResult result = BenchResult.of(new BenchSize(20, 50), summary, issue, 802, 16, 180);
        assertThat(result.wallMs()).isEqualTo(19500);
        assertThat(result.floorMs()).isEqualTo(14600);
        assertThat(result.ratio()).isEqualTo(19500.0 / 14600);
        assertThat(result.capacitySessions()).isEqualTo(802);
        assertThat(result.outcomes()).isEqualTo("139 compliant");
    }
}
