package uccx.compliance.environment;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on every network call: connecting, waiting for an answer, and how long the collector's
 * script waits for one server's own Windows facts (remote registry, remote event log).
 *
 * @param target how long the script gives one Mailbox server's remote registry or event log from
 *               the moment it starts asking: RPC to a server that does not answer blocks for 20 to 60 s
 *               or more, and one such server must not cost the whole run
 */
public record Timeouts(Duration connect, Duration read, Duration target) {

    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ = Duration.ofSeconds(120);
    public static final Duration DEFAULT_TARGET = Duration.ofSeconds(15);

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(target, "target");
    }

    /** With the default bound per server. */
    public Timeouts(Duration connect, Duration read) {
        this(connect, read, DEFAULT_TARGET);
    }

    /** 10 s to connect, 120 s to read: the collector's one script may take a minute on a large organisation; 15 s per server. */
    public static Timeouts defaults() {
        return new Timeouts(DEFAULT_CONNECT, DEFAULT_READ, DEFAULT_TARGET);
    }
}
