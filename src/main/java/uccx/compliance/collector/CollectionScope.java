package uccx.compliance.collector;

import java.time.Duration;
import java.util.List;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.Timeouts;

/**
 * What the one script of a run collects: the servers, connectors, mailbox and account in scope,
 * and how it reads the Mailbox servers' own Windows facts (remote registry, remote event log):
 * {@code parallelTargets} at a time, each bounded by {@code targetBound} from its start.
 */
public record CollectionScope(List<String> clientAccessServers, List<String> mailboxServers, List<String> receiveConnectors,
                              String mailbox, String account, int eventLookbackHours, Duration targetBound, int parallelTargets) {

    /**
     * Per-server reads the script runs at once. Each is a thread of powershell.exe on the Exchange
     * server waiting on RPC, and a dead server keeps its thread until the script ends: a few at a time
     * spares the server the script runs on, and 8 already hide 8 slow servers behind the cmdlets.
     */
    public static final int PARALLEL_TARGETS = 8;

    public CollectionScope {
        clientAccessServers = List.copyOf(clientAccessServers);
        mailboxServers = List.copyOf(mailboxServers);
        receiveConnectors = List.copyOf(receiveConnectors);
        if (targetBound.isNegative() || targetBound.isZero() || parallelTargets < 1) {
            throw new IllegalArgumentException("a target's bound must be positive and at least one target must be read at a time");
        }
    }

    /** With the default bound per server (15 s) and {@link #PARALLEL_TARGETS}. */
    public CollectionScope(List<String> clientAccessServers, List<String> mailboxServers, List<String> receiveConnectors, String mailbox,
                           String account, int eventLookbackHours) {
        this(clientAccessServers, mailboxServers, receiveConnectors, mailbox, account, eventLookbackHours, Timeouts.DEFAULT_TARGET,
                PARALLEL_TARGETS);
    }

    public static CollectionScope of(Environment environment) {
        var exchange = environment.exchange();
        return new CollectionScope(exchange.clientAccessServers(), exchange.mailboxServers(), exchange.receiveConnectors(),
                environment.uccx().mailbox(), environment.uccx().account(), environment.eventLookbackHours(),
                environment.timeouts().target(), PARALLEL_TARGETS);
    }
}
