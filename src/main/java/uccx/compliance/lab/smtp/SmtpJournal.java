package uccx.compliance.lab.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one lab connector saw, so tests and the lab's violation check can prove what the suite sent.
 * Thread-safe: every session of the endpoint writes here.
 */
public final class SmtpJournal {

    /** One command a client sent; {@code session} numbers connections from 1 in the order they were accepted. */
    public record Entry(int session, String verb, String argument) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int sessions;
    private int rejectedConnections;

    synchronized int openSession() {
        return ++sessions;
    }

    synchronized void rejectConnection() {
        rejectedConnections++;
    }

    synchronized void record(int session, String verb, String argument) {
        entries.add(new Entry(session, verb, argument));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Connections admitted past the connection limits. */
    public synchronized int sessions() {
        return sessions;
    }

    /** Connections answered 421 because of MaxInboundConnectionPerSource or MaxInboundConnection. */
    public synchronized int rejectedConnections() {
        return rejectedConnections;
    }

    /** DATA and BDAT commands: each one is a violation, the suite must never deliver mail. */
    public synchronized List<Entry> dataCommands() {
        return entries.stream().filter(e -> isData(e.verb())).toList();
    }

    public synchronized int dataAttempts() {
        return dataCommands().size();
    }

    private static boolean isData(String verb) {
        String v = verb.toUpperCase(Locale.ROOT);
        return v.equals("DATA") || v.equals("BDAT");
    }
}
