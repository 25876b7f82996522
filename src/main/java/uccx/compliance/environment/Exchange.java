package uccx.compliance.environment;

import java.util.List;
import java.util.Objects;

/**
 * The Exchange organisation in scope.
 *
 * @param clientAccessServers servers whose IMAP settings IMAP-01 checks
 * @param mailboxServers      servers whose store registry and event log IMAP-02/IMAP-03 check
 * @param receiveConnectors   connector identities ({@code SERVER\Connector Name}) that SMTP-01 checks
 */
public record Exchange(ExchangeVersion version, Management management, List<String> clientAccessServers,
        List<String> mailboxServers, List<String> receiveConnectors) {

    public Exchange {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(management, "management");
        clientAccessServers = List.copyOf(clientAccessServers);
        mailboxServers = List.copyOf(mailboxServers);
        receiveConnectors = List.copyOf(receiveConnectors);
    }
}
