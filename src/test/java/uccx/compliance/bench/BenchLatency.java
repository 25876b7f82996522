package uccx.compliance.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The benchmark's latency model, in milliseconds, and the floor a run cannot beat under it.
 *
 * <p>The latencies are estimates of a healthy Exchange 2010 site on one LAN, not measurements: no
 * real organisation has answered this suite yet. PowerShell with the Exchange snap-in takes seconds
 * to start (3 s); a WinRM round trip on a LAN tens of milliseconds (50 ms); an Exchange cmdlet call
 * goes through the Exchange session's implicit remoting to a domain controller and back (100 ms);
 * each object it returns is read from AD, serialised and deserialised (5 ms); an RPC call to a
 * Mailbox server itself, the remote registry connected, opened and read or one event-log query,
 * needs a named-pipe or RPC connection of its own (200 ms); an IMAP login is checked against the
 * directory (150 ms).
 *
 * <p>The floor is what Exchange must do at least, whatever the suite's design; the larger of two
 * costs, because the live probes run while the collection is under way:
 * <ul>
 *   <li>the collection: one shell start and the four WinRM round trips of one command (shell,
 *       command, input, output), then the larger of (a) one Active Directory read per fact that
 *       Exchange can answer for the whole organisation at once (Get-ExchangeServer, Get-ReceiveConnector,
 *       Get-ThrottlingPolicy: one call and its objects) plus one per target where it cannot
 *       (Get-ImapSettings per Client Access server, Get-Mailbox, Get-User and the account's token,
 *       Get-OrganizationConfig and Get-ADPermission, Get-CASMailbox and the account's directory object),
 *       one after the other in the one Exchange session, and (b) the slowest server's own Windows facts:
 *       its registry and its event log, one RPC call each, and its services, three one after the other,
 *       which may run at once and run beside the cmdlets, so they add to the floor only when they are
 *       longer than all of (a);</li>
 *   <li>the slowest live probe's own latency-model cost: LIVE-02 connects and starts TLS for many
 *       sessions at once, but sends one password at a time, each after the one before it was
 *       answered (so that at most one is ever refused), so it pays one login latency per session,
 *       one after the other. The other live probes make a login or two.</li>
 * </ul>
 * Summing the Windows facts with the cmdlets, or the collection with the probes, would give a
 * floor a good run could beat; the larger of them is the stricter bound.
 */
record BenchLatency(long shellStartMillis, long winRmRoundTripMillis, long adCallMillis, long perObjectMillis, long rpcCallMillis,
                    long imapLoginMillis) {

    /** The estimates above. */
    static final BenchLatency ISSUE = new BenchLatency(3000, 50, 100, 5, 200, 150);

    /** The round trips of one remote command that the floor counts. */
    static final int ROUND_TRIPS = 4;

    /** The Active Directory reads the collection needs at least: calls and the objects they return. */
    long directoryMillis(BenchShape shape) {
        return adCallMillis * shape.adCalls() + perObjectMillis * shape.objects();
    }

    /**
     * A server's own Windows facts: its registry, its event log and its services, read at once; the
     * longest is the services read of a server with every role, three RPC calls one after the other
     * (Win32_Service, then Win32_Process for MSExchangeIMAP4 and for MSExchangeIS, each needing the
     * process id the first answered).
     */
    long slowestServerMillis() {
        return 3 * rpcCallMillis;
    }

    long collectionFloorMillis(BenchShape shape) {
        return shellStartMillis + ROUND_TRIPS * winRmRoundTripMillis + Math.max(directoryMillis(shape), slowestServerMillis());
    }

    long capacityFloorMillis(int sessions) {
        return Math.max(0, sessions) * imapLoginMillis;
    }

    long floorMillis(BenchShape shape, int sessions) {
        return Math.max(collectionFloorMillis(shape), capacityFloorMillis(sessions));
    }

    static double ratio(long wallMillis, long floorMillis) {
        return floorMillis == 0 ? Double.NaN : (double) wallMillis / floorMillis;
    }

    /** The {@code lab.latencyModel} section that makes the lab this slow. */
    void writeTo(ObjectNode lab) {
        lab.putObject("latencyModel").put("shellStartMillis", shellStartMillis).put("winRmRoundTripMillis", winRmRoundTripMillis)
                .put("adCallMillis", adCallMillis).put("perObjectMillis", perObjectMillis).put("rpcCallMillis", rpcCallMillis)
                .put("imapLoginMillis", imapLoginMillis);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
