package uccx.compliance.collector.facts;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code Get-ImapSettings -Server <server>}: the IMAP4 service limits of one Client Access server.
 *
 * @param whenChanged when the settings object was last changed in Active Directory (WhenChangedUTC, else
 *                    WhenChanged); empty when the output carried neither
 */
public record ImapSettings(String server, Limit maxCommandSize, Limit maxConnectionFromSingleIP, Limit maxConnections,
                           Limit maxConnectionsPerUser, String loginType, Optional<Instant> whenChanged) {

    public ImapSettings(String server, Limit maxCommandSize, Limit maxConnectionFromSingleIP, Limit maxConnections,
                        Limit maxConnectionsPerUser, String loginType) {
        this(server, maxCommandSize, maxConnectionFromSingleIP, maxConnections, maxConnectionsPerUser, loginType, Optional.empty());
    }
}
