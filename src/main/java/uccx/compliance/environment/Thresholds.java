package uccx.compliance.environment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values the controls compare against: the checklist's, or higher ones where the environment
 * file raises them. Each accessor returns the value in effect. A site may demand more than Cisco's
 * checklist, never less: a lowered value would let a non-compliant setting pass.
 */
public record Thresholds(int maxCommandSize, int maxConnectionFromSingleIP, int maxConnections,
        int maxConnectionsPerUser, int maxServiceSessionsPerUser, int maxInboundConnection, int messageRateLimit,
        int maxInboundConnectionPercentagePerSource, int maxInboundConnectionPerSource) {

    public Thresholds {
        Map<String, Integer> checklist = checklistValues();
        Map<String, Integer> given = valuesOf(maxCommandSize, maxConnectionFromSingleIP, maxConnections,
                maxConnectionsPerUser, maxServiceSessionsPerUser, maxInboundConnection, messageRateLimit,
                maxInboundConnectionPercentagePerSource, maxInboundConnectionPerSource);
        given.forEach((key, value) -> {
            if (value < checklist.get(key)) {
                throw new IllegalArgumentException(key + ": " + value + " is below the checklist's " + checklist.get(key)
                        + "; may raise a checklist value, not lower it");
            }
        });
    }

    /** The checklist's values. */
    public static Thresholds checklist() {
        return raising(Map.of());
    }

    /** The checklist's values by their environment-file key (camelCase), in the checklist's order. */
    public static Map<String, Integer> checklistValues() {
        return valuesOf(10240, 2000, 2400, 2400, 64, 5000, 250, 5, 250);
    }

    /**
     * The checklist's values with some raised.
     *
     * @param overrides by environment-file key; an unknown key or a value below the checklist's is refused
     */
    public static Thresholds raising(Map<String, Integer> overrides) {
        Map<String, Integer> v = new LinkedHashMap<>(checklistValues());
        overrides.forEach((key, value) -> {
            if (!v.containsKey(key)) {
                throw new IllegalArgumentException("not a threshold: " + key + "; thresholds are " + v.keySet());
            }
            v.put(key, value);
        });
        return new Thresholds(v.get("maxCommandSize"), v.get("maxConnectionFromSingleIP"), v.get("maxConnections"),
                v.get("maxConnectionsPerUser"), v.get("maxServiceSessionsPerUser"), v.get("maxInboundConnection"),
                v.get("messageRateLimit"), v.get("maxInboundConnectionPercentagePerSource"),
                v.get("maxInboundConnectionPerSource"));
    }

    /** The values in effect, by environment-file key. */
    public Map<String, Integer> values() {
        return valuesOf(maxCommandSize, maxConnectionFromSingleIP, maxConnections, maxConnectionsPerUser,
                maxServiceSessionsPerUser, maxInboundConnection, messageRateLimit,
                maxInboundConnectionPercentagePerSource, maxInboundConnectionPerSource);
    }

    /** The values this environment raised above the checklist, by key: a report shows them beside the result. */
    public Map<String, Integer> raised() {
        Map<String, Integer> checklist = checklistValues();
        Map<String, Integer> raised = new LinkedHashMap<>();
        values().forEach((key, value) -> {
            if (value > checklist.get(key)) {
                raised.put(key, value);
            }
        });
        return Map.copyOf(raised);
    }

    private static Map<String, Integer> valuesOf(int maxCommandSize, int maxConnectionFromSingleIP, int maxConnections,
            int maxConnectionsPerUser, int maxServiceSessionsPerUser, int maxInboundConnection, int messageRateLimit,
            int maxInboundConnectionPercentagePerSource, int maxInboundConnectionPerSource) {
        Map<String, Integer> v = new LinkedHashMap<>();
        v.put("maxCommandSize", maxCommandSize);
        v.put("maxConnectionFromSingleIP", maxConnectionFromSingleIP);
        v.put("maxConnections", maxConnections);
        v.put("maxConnectionsPerUser", maxConnectionsPerUser);
        v.put("maxServiceSessionsPerUser", maxServiceSessionsPerUser);
        v.put("maxInboundConnection", maxInboundConnection);
        v.put("messageRateLimit", messageRateLimit);
        v.put("maxInboundConnectionPercentagePerSource", maxInboundConnectionPercentagePerSource);
        v.put("maxInboundConnectionPerSource", maxInboundConnectionPerSource);
        return Collections.unmodifiableMap(v);
    }
}
