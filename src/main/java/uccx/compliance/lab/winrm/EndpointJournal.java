package uccx.compliance.lab.winrm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What one endpoint saw, for the checks a run makes at its end. Thread-safe. */
final class EndpointJournal {

    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger failedAuthentications = new AtomicInteger();
    private final List<String> commandLines = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger negotiateTokens = new AtomicInteger();
    private final AtomicInteger sends = new AtomicInteger();
    private final List<Logon> kerberosLogons = new CopyOnWriteArrayList<>();

    void command(String commandLine) {
        commands.incrementAndGet();
        commandLines.add(commandLine);
    }

    /** One Send: a piece of a command's standard input, one round trip. */
    void send() {
        sends.incrementAndGet();
    }

    int sends() {
        return sends.get();
    }

    /** Returns how many failed authentications there were, this one included. */
    int failedAuthentication() {
        return failedAuthentications.incrementAndGet();
    }

    /** A request that carried a Negotiate token, accepted or not. */
    void negotiateToken() {
        negotiateTokens.incrementAndGet();
    }

    void kerberosLogon(Logon logon) {
        kerberosLogons.add(logon);
    }

    int negotiateTokens() {
        return negotiateTokens.get();
    }

    List<Logon> kerberosLogons() {
        return List.copyOf(kerberosLogons);
    }

    void violation(String violation) {
        violations.add(violation);
    }

    int commands() {
        return commands.get();
    }

    int failedAuthentications() {
        return failedAuthentications.get();
    }

    List<String> commandLines() {
        return List.copyOf(commandLines);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }
}
