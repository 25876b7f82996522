package uccx.compliance.environment;

/**
 * Which optional live probes run.
 *
 * @param capacity LIVE-02: hold 2 x (agents + 1) IMAP sessions at once. Off by default because on a
 *                 production server it takes the sessions the agents need.
 */
public record Probes(boolean capacity) {

    public static Probes defaults() {
        return new Probes(false);
    }
}
