package uccx.compliance.collector.facts;

/** {@code Get-ImapSettings -Server <server>}: the IMAP4 service limits of one Client Access server. */
public record ImapSettings(String server, Limit maxCommandSize, Limit maxConnectionFromSingleIP, Limit maxConnections,
                           Limit maxConnectionsPerUser, String loginType) {
}
