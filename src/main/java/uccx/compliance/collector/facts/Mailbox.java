package uccx.compliance.collector.facts;

import java.util.Optional;

/**
 * {@code Get-Mailbox <uccx>}.
 *
 * @param throttlingPolicy the assigned policy's name; empty when none is assigned (the default policy applies)
 */
public record Mailbox(String primarySmtpAddress, String samAccountName, String legacyExchangeDn, Optional<String> throttlingPolicy) {
}
