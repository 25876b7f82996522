package uccx.compliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * One measured run of the suite against one organisation size, as {@code reports/bench.json}
 * lists it. {@code wallMs} is the run summary's {@code finished} minus {@code started}; the AD
 * calls, objects and RPC calls are what the lab counted. The whole run's floor is LIVE-02's logins
 * at every size (one password at a time), so the collection's own time beside its own floor is
 * what shows how the collection scales.
 */
record BenchResult(int servers, int connectors, int remoteCommands, long wallMs, long floorMs, double ratio, int capacitySessions,
                   long capacityMs, long peakHeapMb, int labAdCalls, int labObjects, int labRpcCalls, long collectionMs,
                   long collectionFloorMs, double collectionRatio, String outcomes) {

    /** Reads what a run's {@code summary.json} measured and puts the floor beside it. */
    static BenchResult of(BenchSize size, BenchShape shape, JsonNode summary, BenchLatency latency, int wantedSessions,
                          long peakHeapMb) {
        long wall = Duration.between(Instant.parse(summary.path("started").asText()), Instant.parse(summary.path("finished").asText()))
                .toMillis();
        JsonNode measured = summary.path("measurements");
        long floor = latency.floorMillis(shape, wantedSessions);
        long collectionFloor = latency.collectionFloorMillis(shape);
        long collection = measured.path("collectionMillis").asLong(-1);
        // "802 of 802": the sessions held at once, as LIVE-02 measured them
        int held = Integer.parseInt(measured.path("capacitySessions").asText("0 of 0").split(" ")[0]);
        JsonNode counts = summary.path("outcomes");
        StringBuilder outcomes = new StringBuilder();
        counts.properties().forEach(e -> {
            if (e.getValue().asInt() > 0) {
                outcomes.append(outcomes.isEmpty() ? "" : ", ").append(e.getValue().asInt()).append(' ').append(e.getKey());
            }
        });
        return new BenchResult(size.servers(), size.connectors(), summary.path("remoteCommands").asInt(-1), wall, floor,
                BenchLatency.ratio(wall, floor), held, measured.path("capacityMillis").asLong(-1), peakHeapMb,
                measured.path("labAdCalls").asInt(-1), measured.path("labObjects").asInt(-1), measured.path("labRpcCalls").asInt(-1),
                collection, collectionFloor, BenchLatency.ratio(collection, collectionFloor), outcomes.toString());
    }
}
