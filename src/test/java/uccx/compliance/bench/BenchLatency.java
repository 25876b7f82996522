package uccx.compliance.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The issue's latency model, in milliseconds, and the floor a run cannot beat under it.
 *
 * <p>The floor is the larger of two costs a run cannot avoid:
 * <ul>
 *   <li>the collection: one shell start, the four WinRM round trips of one command (shell,
 *       command, input, output) and every cmdlet call the lab counted, one after the other as
 *       the script makes them;</li>
 *   <li>the slowest live probe's own latency-model cost: LIVE-02 logs in once alone (so a wrong
 *       password fails once), then opens the rest with {@code loginsInFlight} logins at a time,
 *       so it pays {@code 1 + ceil((sessions - 1) / loginsInFlight)} login latencies one after
 *       the other. The other live probes make a login or two.</li>
 * </ul>
 */
record BenchLatency(long shellStartMillis, long winRmRoundTripMillis, long cmdletMillis, long imapLoginMillis) {

    /** PowerShell plus the Exchange snap-in 3 s, 50 ms per WinRM round trip, 100 ms per cmdlet per server, 150 ms per IMAP login. */
    static final BenchLatency ISSUE = new BenchLatency(3000, 50, 100, 150);

    /** The round trips of one remote command that the floor counts. */
    static final int ROUND_TRIPS = 4;

    long collectionFloorMillis(int cmdletCalls) {
        return shellStartMillis + ROUND_TRIPS * winRmRoundTripMillis + cmdletMillis * cmdletCalls;
    }

    long capacityFloorMillis(int sessions, int loginsInFlight) {
        if (sessions <= 0) {
            return 0;
        }
        long waves = 1 + ceilDiv(sessions - 1, loginsInFlight);
        return waves * imapLoginMillis;
    }

    long floorMillis(int cmdletCalls, int sessions, int loginsInFlight) {
        return Math.max(collectionFloorMillis(cmdletCalls), capacityFloorMillis(sessions, loginsInFlight));
    }

    static double ratio(long wallMillis, long floorMillis) {
        return floorMillis == 0 ? Double.NaN : (double) wallMillis / floorMillis;
    }

    /** The {@code lab.latencyModel} section that makes the lab this slow. */
    void writeTo(ObjectNode lab) {
        lab.putObject("latencyModel").put("shellStartMillis", shellStartMillis).put("winRmRoundTripMillis", winRmRoundTripMillis)
                .put("cmdletMillis", cmdletMillis).put("imapLoginMillis", imapLoginMillis);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
