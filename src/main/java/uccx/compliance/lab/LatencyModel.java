package uccx.compliance.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Where a real Exchange 2010 organisation spends time during a run, so that a lab run lasts as
 * long as the same run would against production (the {@code lab.latencyModel} section). Each
 * delay is paid where the real cost arises, in the lab's own threads: the shell start once per
 * powershell.exe, the round trip on every WinRM request, the cmdlet cost once per cmdlet call per
 * target while the section is answered, the login cost on every IMAP LOGIN or AUTHENTICATE.
 *
 * @param shellStart     powershell.exe starting and loading the Exchange snap-in
 * @param winRmRoundTrip added to every WS-Management request (on top of {@code faults.latencyMillis})
 * @param cmdletCall     one cmdlet call against one target (a server, a connector, the organisation)
 * @param imapLogin      the Client Access server checking a password against the directory
 */
public record LatencyModel(Duration shellStart, Duration winRmRoundTrip, Duration cmdletCall, Duration imapLogin) {

    /** No latency at all: what the compliant lab and the self-tests run with. */
    public static final LatencyModel NONE = new LatencyModel(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public LatencyModel {
        for (Duration d : new Duration[] {shellStart, winRmRoundTrip, cmdletCall, imapLogin}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("a latency must be zero or more");
            }
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** Reads {@code lab.latencyModel}, already checked against the schema; a missing section is {@link #NONE}. */
    static LatencyModel from(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return NONE;
        }
        return new LatencyModel(millis(n, "shellStartMillis"), millis(n, "winRmRoundTripMillis"), millis(n, "cmdletMillis"),
                millis(n, "imapLoginMillis"));
    }

    private static Duration millis(JsonNode n, String field) {
        return Duration.ofMillis(n.path(field).asLong(0));
    }
}
