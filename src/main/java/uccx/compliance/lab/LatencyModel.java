package uccx.compliance.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * Where a real Exchange 2010 organisation spends time during a run, so that a lab run lasts as
 * long as the same run would against production (the {@code lab.latencyModel} section). Each
 * delay is paid where the real cost arises, in the lab's own threads: the shell start once per
 * powershell.exe, the round trip on every WinRM request, an Active Directory read once per
 * Exchange cmdlet call and a little more for each object it returns, an RPC call once per
 * question to a Mailbox server itself (remote registry, remote event log) on the runspace that
 * asks it, the login cost on every IMAP LOGIN or AUTHENTICATE.
 *
 * @param shellStart     powershell.exe starting and loading the Exchange snap-in
 * @param winRmRoundTrip added to every WS-Management request (on top of {@code faults.latencyMillis})
 * @param adCall         one Exchange cmdlet call: a request through the Exchange session to a domain
 *                       controller, answered from Active Directory (Get-ExchangeServer, Get-ImapSettings
 *                       -Server X, Get-ReceiveConnector, ...)
 * @param perObject      each object such a call returns: read from AD, serialised by the Exchange
 *                       session and deserialised by the script's implicit-remoting proxy
 * @param rpcCall        one RPC call to a server: the remote registry opened and read, or one event-log query
 * @param imapLogin      the Client Access server checking a password against the directory
 */
public record LatencyModel(Duration shellStart, Duration winRmRoundTrip, Duration adCall, Duration perObject, Duration rpcCall,
                           Duration imapLogin) {

    /** No latency at all: what the compliant lab and the self-tests run with. */
    public static final LatencyModel NONE = new LatencyModel(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);

    public LatencyModel {
        for (Duration d : new Duration[] {shellStart, winRmRoundTrip, adCall, perObject, rpcCall, imapLogin}) {
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
        return new LatencyModel(millis(n, "shellStartMillis"), millis(n, "winRmRoundTripMillis"), millis(n, "adCallMillis"),
                millis(n, "perObjectMillis"), millis(n, "rpcCallMillis"), millis(n, "imapLoginMillis"));
    }

    private static Duration millis(JsonNode n, String field) {
        return Duration.ofMillis(n.path(field).asLong(0));
    }
}
