package uccx.compliance.probes;

import java.time.Duration;

/**
 * What a TCP connect found (NET-01).
 *
 * @param failure empty when reached, else e.g. {@code connection refused} or {@code no answer within 3 s}
 */
public record Reach(String host, int port, boolean reached, Duration took, String failure) {
}
