package uccx.compliance.lab.imap;

import java.util.HashMap;
import java.util.Map;

/**
 * The Mailbox server's store: it admits at most {@code perUserLimit} service sessions per user
 * ({@code Maximum Allowed Service Sessions Per User}, default 16), whichever Client Access server
 * the session came through. One instance is shared by every IMAP endpoint of a lab.
 */
public final class StoreSessions {

    /** Exchange 2010's default when the registry value is absent. */
    public static final int DEFAULT_LIMIT = 16;

    private final int perUserLimit;
    private final Map<String, Integer> open = new HashMap<>();

    public StoreSessions(int perUserLimit) {
        if (perUserLimit < 1) {
            throw new IllegalArgumentException("perUserLimit must be >= 1");
        }
        this.perUserLimit = perUserLimit;
    }

    public int perUserLimit() {
        return perUserLimit;
    }

    synchronized boolean tryOpen(String user) {
        int current = open.getOrDefault(key(user), 0);
        if (current >= perUserLimit) {
            return false;
        }
        open.put(key(user), current + 1);
        return true;
    }

    synchronized void close(String user) {
        open.computeIfPresent(key(user), (k, n) -> n > 1 ? n - 1 : null);
    }

    /** Service sessions the user holds now, over all endpoints. */
    public synchronized int openSessions(String user) {
        return open.getOrDefault(key(user), 0);
    }

    private static String key(String user) {
        return user.toLowerCase(java.util.Locale.ROOT);
    }
}
