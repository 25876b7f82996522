package uccx.compliance.bench;

/**
 * What an organisation holds that Exchange must read for the collector, whatever the script's
 * design: the directory reads (calls and objects) the floor counts.
 *
 * @param servers             Exchange servers (Get-ExchangeServer returns each)
 * @param clientAccessServers one Get-ImapSettings -Server each: Exchange has no call for all of them
 * @param connectors          receive connectors (one Get-ReceiveConnector returns each)
 * @param permissionEntries   entries on the organization object (Get-ADPermission returns each)
 * @param throttlingPolicies  policies (one Get-ThrottlingPolicy returns each)
 */
record BenchShape(int servers, int clientAccessServers, int connectors, int permissionEntries, int throttlingPolicies) {

    /**
     * Get-ExchangeServer, Get-ImapSettings per Client Access server, Get-OrganizationConfig and
     * Get-ADPermission, Get-User and the account's token, Get-ReceiveConnector, Get-MailboxDatabase,
     * Get-Mailbox, Get-ThrottlingPolicy, Get-CASMailbox, and the UCCX account's directory object
     * (Get-User, then the account and its domain read over LDAP).
     */
    int adCalls() {
        return 1 + clientAccessServers + 2 + 2 + 1 + 1 + 1 + 1 + 1 + 3;
    }

    /**
     * Servers, IMAP settings, the organization and its entries, the user, connectors, the one mailbox
     * database, the mailbox, policies, the CAS mailbox, the account's user.
     */
    int objects() {
        return servers + clientAccessServers + (1 + permissionEntries) + 1 + connectors + 1 + 1 + throttlingPolicies + 1 + 1;
    }
}
