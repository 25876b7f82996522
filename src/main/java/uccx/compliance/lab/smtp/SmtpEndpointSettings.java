package uccx.compliance.lab.smtp;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One lab receive connector, in Exchange's own terms.
 *
 * @param serverFqdn                    the name the banner and EHLO announce, e.g. {@code EXCH01.lab.example.com}
 * @param connectorIdentity             {@code SERVER\Connector Name}, so violations can name the connector
 * @param recipients                    the mailboxes RCPT TO accepts; matched case-insensitively as Exchange does
 * @param maxInboundConnectionPerSource concurrent connections from one address; empty is {@code unlimited}
 * @param maxInboundConnection          concurrent connections in all; empty is {@code unlimited}
 * @param clock                         the banner's date, fixed in tests so the wire text can be compared exactly
 * @param connectionInactivityTimeout   silence after which the connector gives up on a client
 * @param fault                         how the connector refuses every session, for fault tests; empty for Exchange's behaviour
 */
public record SmtpEndpointSettings(String serverFqdn, String connectorIdentity, Set<String> recipients,
                                   OptionalInt maxInboundConnectionPerSource, OptionalInt maxInboundConnection,
                                   Clock clock, Duration connectionInactivityTimeout, Optional<SmtpFault> fault) {

    /** Exchange 2010's ConnectionInactivityTimeout on a Hub Transport receive connector (00:05:00). */
    public static final Duration EXCHANGE_2010_INACTIVITY_TIMEOUT = Duration.ofMinutes(5);

    public SmtpEndpointSettings {
        Objects.requireNonNull(serverFqdn, "serverFqdn");
        Objects.requireNonNull(connectorIdentity, "connectorIdentity");
        Objects.requireNonNull(maxInboundConnectionPerSource, "maxInboundConnectionPerSource");
        Objects.requireNonNull(maxInboundConnection, "maxInboundConnection");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(fault, "fault");
        // Lower-cased once here so a lookup cannot depend on how the lab file spelled an address.
        recipients = recipients.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        requirePositive(maxInboundConnectionPerSource, "maxInboundConnectionPerSource");
        requirePositive(maxInboundConnection, "maxInboundConnection");
        // A zero socket timeout would mean "wait forever": the lab must never hang a build.
        if (connectionInactivityTimeout.isNegative() || connectionInactivityTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("connectionInactivityTimeout must be at least 1 ms: " + connectionInactivityTimeout);
        }
    }

    /** A connector with Exchange 2010's inactivity timeout. */
    public SmtpEndpointSettings(String serverFqdn, String connectorIdentity, Set<String> recipients,
                                OptionalInt maxInboundConnectionPerSource, OptionalInt maxInboundConnection, Clock clock) {
        this(serverFqdn, connectorIdentity, recipients, maxInboundConnectionPerSource, maxInboundConnection, clock,
                EXCHANGE_2010_INACTIVITY_TIMEOUT, Optional.empty());
    }

    public SmtpEndpointSettings withConnectionInactivityTimeout(Duration timeout) {
        return new SmtpEndpointSettings(serverFqdn, connectorIdentity, recipients, maxInboundConnectionPerSource,
                maxInboundConnection, clock, timeout, fault);
    }

    public SmtpEndpointSettings withFault(SmtpFault value) {
        return new SmtpEndpointSettings(serverFqdn, connectorIdentity, recipients, maxInboundConnectionPerSource,
                maxInboundConnection, clock, connectionInactivityTimeout, Optional.of(value));
    }

    boolean accepts(String address) {
        return recipients.contains(address.trim().toLowerCase(Locale.ROOT));
    }

    private static void requirePositive(OptionalInt limit, String name) {
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 or unlimited: " + limit.getAsInt());
        }
    }
}
