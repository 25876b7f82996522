package uccx.compliance.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import uccx.compliance.proofs.LabVariant;

/**
 * A compliant lab organisation of one benchmark size, made from {@code environments/lab.yaml}:
 * every server holds all three roles and is configured for the agents, the receive connectors
 * are spread over the servers, and the latency model is the benchmark's.
 */
final class BenchOrganisation {

    static final int AGENTS = 400;

    private BenchOrganisation() {
    }

    /** An organisation written to a file, and what Exchange must read of it. */
    record Written(Path file, BenchShape shape) {
    }

    /** Writes {@code <dir>/bench-<servers>x<connectors>.yaml} and returns it. */
    static Written write(Path projectDir, Path dir, BenchSize size, BenchLatency latency) {
        LabVariant variant = LabVariant.ofCompliantLab(projectDir);
        ObjectNode template = variant.server("EXCH01").deepCopy();
        ObjectNode connectorTemplate = variant.connector("EXCH01\\UCCX Relay").deepCopy();
        int sessions = 2 * (AGENTS + 1);
        // every server holds every role: each is a Client Access server
        BenchShape shape = new BenchShape(size.servers(), size.servers(), size.connectors(), variant.permissions().size(),
                variant.lab().withArray("throttlingPolicies").size());
        Path file = variant.change(root -> {
            ObjectNode exchange = (ObjectNode) root.get("exchange");
            ArrayNode cas = exchange.putArray("clientAccessServers");
            ArrayNode mailbox = exchange.putArray("mailboxServers");
            ArrayNode connectorNames = exchange.putArray("receiveConnectors");
            ObjectNode lab = (ObjectNode) root.get("lab");
            ArrayNode servers = lab.putArray("servers");
            for (int i = 1; i <= size.servers(); i++) {
                String name = serverName(i);
                cas.add(name);
                mailbox.add(name);
                ObjectNode server = template.deepCopy().put("name", name);
                // Room for every agent's two sessions plus the UCCX server's, on each Client Access server.
                ((ObjectNode) server.get("imapSettings")).put("MaxConnectionsPerUser", 2400).put("MaxConnections", 2400);
                ((ObjectNode) server.get("registry").elements().next()).put("Maximum Allowed Service Sessions Per User", 1024);
                servers.add(server);
            }
            ArrayNode connectors = lab.putArray("receiveConnectors");
            for (int c = 1; c <= size.connectors(); c++) {
                String identity = serverName((c - 1) % size.servers() + 1) + "\\UCCX Relay " + c;
                connectorNames.add(identity);
                connectors.add(connectorTemplate.deepCopy().put("Identity", identity));
            }
            ((ObjectNode) root.get("uccx")).put("agents", AGENTS);
            root.putObject("probes").put("capacity", true);
            latency.writeTo(lab);
            if (sessions > 2000) {
                throw new IllegalStateException("the organisation's MaxConnectionFromSingleIP (2000) is below " + sessions);
            }
        }).writeTo(dir, size.name());
        return new Written(file, shape);
    }

    private static String serverName(int i) {
        return String.format("EXCH%02d", i);
    }
}
