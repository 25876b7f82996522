package uccx.compliance.collector.facts;

import java.util.Set;

/**
 * One server of the organisation as {@code Get-ExchangeServer} describes it.
 *
 * @param adminDisplayVersion as Exchange prints it, for example {@code Version 14.3 (Build 123.4)}
 * @param roles               ClientAccess, Mailbox, HubTransport, ... as found
 */
public record ExchangeServer(String name, String adminDisplayVersion, Set<String> roles) {
    public ExchangeServer {
        roles = Set.copyOf(roles);
    }

    public ServerVersion version() {
        return ServerVersion.parse(adminDisplayVersion);
    }
}
