package uccx.compliance.environment;

import java.time.Duration;
import java.util.Objects;

/** Bounds on every network call: connecting, and waiting for an answer. */
public record Timeouts(Duration connect, Duration read) {

    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ = Duration.ofSeconds(120);

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
    }

    /** 10 s to connect, 120 s to read: the collector's one script may take a minute on a large organisation. */
    public static Timeouts defaults() {
        return new Timeouts(DEFAULT_CONNECT, DEFAULT_READ);
    }
}
