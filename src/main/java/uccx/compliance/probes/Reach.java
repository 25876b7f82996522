package uccx.compliance.probes;

import java.time.Duration;

/**
 * What a TCP connect found (NET-01).
 *
 * @param failure empty when reached, else e.g. {@code connection refused} or {@code no answer within 3 s}
 */
public record Reach(String host, int port, boolean reached, Duration took, String failure) {

    /** The whole conversation: a connect, and nothing said. */
    public String transcript() {
        return "connect " + host + ":" + port + ": " + (reached ? "connected in " + took.toMillis() + " ms, closed without a word"
                : failure + " after " + took.toMillis() + " ms");
    }
}
