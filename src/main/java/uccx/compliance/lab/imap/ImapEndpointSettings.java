package uccx.compliance.lab.imap;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;

/**
 * What one Client Access server's IMAP4 service is configured with ({@code Get-ImapSettings}),
 * plus the lab's shared store and account. An empty limit is {@code unlimited}.
 *
 * @param offersNtlm  SP1 and later advertise {@code AUTH=NTLM}; RTM does not
 * @param implicitTls TLS from the first byte, as on port 993
 * @param idleTimeout a silent client is told {@code * BYE Connection is closed. 13} after this
 * @param fault       how every session misbehaves, for fault tests; empty for Exchange's behaviour
 * @param loginLatency how long a LOGIN or AUTHENTICATE takes before it is answered (the directory's check)
 */
public record ImapEndpointSettings(String serverName, LoginType loginType, OptionalInt maxConnectionsPerUser,
                                   OptionalInt maxConnectionFromSingleIP, OptionalInt maxConnections, StoreSessions storeSessions,
                                   Credentials credentials, Inbox inbox, SSLContext sslContext, boolean offersNtlm,
                                   boolean implicitTls, Duration idleTimeout,
                                   Optional<ImapFault> fault, Duration loginLatency) {

    /** Exchange 2010 SP1+ defaults: SecureLogin, 16 per user, 2000 per IP, 2000 in all, 60 s idle. */
    public static ImapEndpointSettings exchange2010(String serverName, StoreSessions storeSessions, Credentials credentials,
                                                    SSLContext sslContext) {
        return new ImapEndpointSettings(serverName, LoginType.SecureLogin, OptionalInt.of(16), OptionalInt.of(2000),
                OptionalInt.of(2000), storeSessions, credentials, new Inbox(3), sslContext, true, false, Duration.ofSeconds(60),
                Optional.empty(), Duration.ZERO);
    }

    public ImapEndpointSettings withLoginType(LoginType value) {
        return new ImapEndpointSettings(serverName, value, maxConnectionsPerUser, maxConnectionFromSingleIP, maxConnections,
                storeSessions, credentials, inbox, sslContext, offersNtlm, implicitTls, idleTimeout, fault, loginLatency);
    }

    public ImapEndpointSettings withLimits(OptionalInt perUser, OptionalInt fromSingleIp, OptionalInt total) {
        return new ImapEndpointSettings(serverName, loginType, perUser, fromSingleIp, total, storeSessions, credentials, inbox,
                sslContext, offersNtlm, implicitTls, idleTimeout, fault, loginLatency);
    }

    public ImapEndpointSettings withInbox(Inbox value) {
        return new ImapEndpointSettings(serverName, loginType, maxConnectionsPerUser, maxConnectionFromSingleIP, maxConnections,
                storeSessions, credentials, value, sslContext, offersNtlm, implicitTls, idleTimeout, fault, loginLatency);
    }

    public ImapEndpointSettings withNtlm(boolean value) {
        return new ImapEndpointSettings(serverName, loginType, maxConnectionsPerUser, maxConnectionFromSingleIP, maxConnections,
                storeSessions, credentials, inbox, sslContext, value, implicitTls, idleTimeout, fault, loginLatency);
    }

    public ImapEndpointSettings withImplicitTls(boolean value) {
        return new ImapEndpointSettings(serverName, loginType, maxConnectionsPerUser, maxConnectionFromSingleIP, maxConnections,
                storeSessions, credentials, inbox, sslContext, offersNtlm, value, idleTimeout, fault, loginLatency);
    }

    public ImapEndpointSettings withIdleTimeout(Duration value) {
        return new ImapEndpointSettings(serverName, loginType, maxConnectionsPerUser, maxConnectionFromSingleIP, maxConnections,
                storeSessions, credentials, inbox, sslContext, offersNtlm, implicitTls, value, fault, loginLatency);
    }

    public ImapEndpointSettings withFault(ImapFault value) {
        return new ImapEndpointSettings(serverName, loginType, maxConnectionsPerUser, maxConnectionFromSingleIP, maxConnections,
                storeSessions, credentials, inbox, sslContext, offersNtlm, implicitTls, idleTimeout, Optional.of(value), loginLatency);
    }

    public ImapEndpointSettings withLoginLatency(Duration value) {
        return new ImapEndpointSettings(serverName, loginType, maxConnectionsPerUser, maxConnectionFromSingleIP, maxConnections,
                storeSessions, credentials, inbox, sslContext, offersNtlm, implicitTls, idleTimeout, fault, value);
    }
}
