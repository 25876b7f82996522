package uccx.compliance.lab.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an IMAP endpoint received, so tests can prove the probes stayed read-only and gentle:
 * every command (secrets redacted), the login counters, and the per-user peak of concurrent
 * sessions.
 */
public final class ImapJournal {

    /** Commands that change a mailbox; SELECT counts because it opens INBOX read-write. */
    static final Set<String> WRITES = Set.of("SELECT", "STORE", "EXPUNGE", "APPEND", "COPY", "DELETE", "CREATE", "RENAME");

    public static final String REDACTED = "<redacted>";

    /** One command line as received; {@code arguments} never hold a password or an AUTHENTICATE payload. */
    public record Entry(int session, String tag, String command, String arguments) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final AtomicInteger failedLogins = new AtomicInteger();
    private final AtomicInteger loginsReceived = new AtomicInteger();
    private final AtomicInteger successfulLogins = new AtomicInteger();
    private final Map<String, Integer> peaks = new ConcurrentHashMap<>();

    synchronized void record(Entry entry) {
        entries.add(entry);
    }

    /** A LOGIN or AUTHENTICATE with a password arrived; returns its number on this endpoint, from 1. */
    int loginReceived() {
        return loginsReceived.incrementAndGet();
    }

    void loginFailed() {
        failedLogins.incrementAndGet();
    }

    void loginSucceeded(String user, int sessionsNow) {
        successfulLogins.incrementAndGet();
        peaks.merge(user.toLowerCase(Locale.ROOT), sessionsNow, Math::max);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Every command that would change the mailbox, in the order received. */
    public synchronized List<Entry> writes() {
        return entries.stream().filter(e -> WRITES.contains(e.command())).toList();
    }

    /** Logins refused for a wrong name or password (not those refused by a limit). */
    public int failedLogins() {
        return failedLogins.get();
    }

    /** Every LOGIN and AUTHENTICATE that carried a password, answered or not. */
    public int loginsReceived() {
        return loginsReceived.get();
    }

    public int successfulLogins() {
        return successfulLogins.get();
    }

    /** The most sessions the account held at once on this endpoint. */
    public int peakSessions(String user) {
        return peaks.getOrDefault(user.toLowerCase(Locale.ROOT), 0);
    }
}
