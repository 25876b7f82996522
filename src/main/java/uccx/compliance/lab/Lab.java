package uccx.compliance.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import uccx.compliance.lab.powershell.LabPowerShell;
import uccx.compliance.lab.winrm.ProgramResult;
import uccx.compliance.lab.winrm.RemoteProgram;
import uccx.compliance.lab.winrm.WinRmEndpoint;
import uccx.compliance.lab.winrm.WinRmEndpointSettings;

/**
 * The embedded, simulated Exchange 2010 organisation of a lab environment: a WinRM endpoint on a
 * free loopback port that answers the collector as the organisation in the lab state would.
 * Credentials are made fresh for each run and handed over in memory only, so a lab environment
 * needs no secret. The suite talks to it exactly as to a real server.
 */
public final class Lab implements AutoCloseable {

    private final WinRmEndpoint winRm;
    private final String username;
    private final String password;
    private final List<String> violations;

    private Lab(WinRmEndpoint winRm, String username, String password, List<String> violations) {
        this.winRm = winRm;
        this.username = username;
        this.password = password;
        this.violations = violations;
    }

    public static Lab start(LabState state, Clock clock) {
        SecureRandom random = new SecureRandom();
        String username = "lab-audit-" + Integer.toHexString(random.nextInt(0x10000));
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        LabPowerShell powerShell = new LabPowerShell(state, clock, violations::add);
        WinRmEndpointSettings settings = WinRmEndpointSettings.http(username, password)
                .withLatency(Duration.ofMillis(state.faults().latencyMillis()));
        try {
            return new Lab(WinRmEndpoint.start(settings, commandLine -> program(powerShell.start(commandLine))), username, password,
                    violations);
        } catch (IOException e) {
            throw new UncheckedIOException("the lab's WinRM endpoint could not start on loopback", e);
        }
    }

    private static RemoteProgram program(LabPowerShell.Session session) {
        return new RemoteProgram() {
            @Override
            public void standardInput(byte[] chunk) {
                session.input(new String(chunk, ProgramResult.CONSOLE));
            }

            @Override
            public Optional<ProgramResult> result() {
                return session.result().map(r -> ProgramResult.text(r.stdout(), r.stderr(), r.exitCode()));
            }
        };
    }

    public String host() {
        return "127.0.0.1";
    }

    public int winRmPort() {
        return winRm.port();
    }

    /** This run's user name for WinRM Basic authentication. */
    public String username() {
        return username;
    }

    /** This run's password: kept in memory, never written anywhere. */
    public String password() {
        return password;
    }

    public int commandsReceived() {
        return winRm.commandsReceived();
    }

    public int failedAuthentications() {
        return winRm.failedAuthentications();
    }

    /** Everything the lab saw that must never happen in a run: a writing command, an unknown section, a command line too long. */
    public List<String> violations() {
        List<String> all = new ArrayList<>(winRm.violations());
        synchronized (violations) {
            all.addAll(violations);
        }
        return all;
    }

    @Override
    public void close() {
        winRm.close();
    }

    @Override
    public String toString() {
        return "lab WinRM http://" + host() + ":" + winRmPort() + "/wsman as " + username;
    }
}
