package uccx.compliance.lab.smtp;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * MaxInboundConnectionPerSource and MaxInboundConnection: concurrent connections, counted on
 * admission and released when a session ends. One lock, so both counts are decided together.
 */
final class ConnectionLimits {

    private final OptionalInt perSource;
    private final OptionalInt total;
    private final Map<InetAddress, Integer> open = new HashMap<>();
    private int openTotal;

    ConnectionLimits(OptionalInt perSource, OptionalInt total) {
        this.perSource = perSource;
        this.total = total;
    }

    /** Counts the connection and answers true, or answers false and counts nothing. */
    synchronized boolean admit(InetAddress source) {
        int fromSource = open.getOrDefault(source, 0);
        if (exceeds(perSource, fromSource + 1) || exceeds(total, openTotal + 1)) {
            return false;
        }
        open.put(source, fromSource + 1);
        openTotal++;
        return true;
    }

    synchronized void release(InetAddress source) {
        open.computeIfPresent(source, (a, n) -> n == 1 ? null : n - 1);
        openTotal--;
    }

    synchronized int open() {
        return openTotal;
    }

    private static boolean exceeds(OptionalInt limit, int wanted) {
        return limit.isPresent() && wanted > limit.getAsInt();
    }
}
