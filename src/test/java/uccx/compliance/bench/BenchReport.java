package uccx.compliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The benchmark's table (Markdown, as the README shows it) and {@code reports/bench.json}. */
record BenchReport(List<BenchResult> results) {

    String table() {
        StringBuilder t = new StringBuilder();
        t.append("| servers | connectors | remote commands | AD calls | objects | RPC calls | wall ms | floor ms | ratio"
                + " | capacity sessions | capacity ms | collection ms | collection floor ms | collection ratio | peak heap MB |\n");
        t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchResult r : results) {
            t.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d | %.2f | %d | %d | %d | %d | %.2f | %d |%n", r.servers(),
                    r.connectors(), r.remoteCommands(), r.labAdCalls(), r.labObjects(), r.labRpcCalls(), r.wallMs(), r.floorMs(), r.ratio(),
                    r.capacitySessions(), r.capacityMs(), r.collectionMs(), r.collectionFloorMs(), r.collectionRatio(), r.peakHeapMb()));
        }
        return t.toString();
    }

    void write(Path file) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("results");
        for (BenchResult r : results) {
            list.addObject().put("servers", r.servers()).put("connectors", r.connectors()).put("remoteCommands", r.remoteCommands())
                    .put("wallMs", r.wallMs()).put("floorMs", r.floorMs())
                    .put("ratio", Math.round(r.ratio() * 100) / 100.0)
                    .put("capacitySessions", r.capacitySessions()).put("capacityMs", r.capacityMs()).put("peakHeapMb", r.peakHeapMb())
                    .put("labAdCalls", r.labAdCalls()).put("labObjects", r.labObjects()).put("labRpcCalls", r.labRpcCalls())
                    .put("collectionMs", r.collectionMs()).put("collectionFloorMs", r.collectionFloorMs())
                    .put("collectionRatio", Math.round(r.collectionRatio() * 100) / 100.0).put("outcomes", r.outcomes());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, mapper.writeValueAsString(root) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
