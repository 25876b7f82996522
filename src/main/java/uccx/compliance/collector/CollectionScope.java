package uccx.compliance.collector;

import java.util.List;
import uccx.compliance.environment.Environment;

/** What the one script of a run collects: the servers, connectors, mailbox and account in scope. */
public record CollectionScope(List<String> clientAccessServers, List<String> mailboxServers, List<String> receiveConnectors,
                              String mailbox, String account, int eventLookbackHours) {

    public CollectionScope {
        clientAccessServers = List.copyOf(clientAccessServers);
        mailboxServers = List.copyOf(mailboxServers);
        receiveConnectors = List.copyOf(receiveConnectors);
    }

    public static CollectionScope of(Environment environment) {
        var exchange = environment.exchange();
        return new CollectionScope(exchange.clientAccessServers(), exchange.mailboxServers(), exchange.receiveConnectors(),
                environment.uccx().mailbox(), environment.uccx().account(), environment.eventLookbackHours());
    }
}
