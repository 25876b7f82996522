package uccx.compliance.collector.facts;

import java.util.Optional;

/**
 * {@code Get-Mailbox <uccx>}.
 *
 * @param throttlingPolicy the assigned policy's name; empty when none is assigned (the default policy applies)
 * @param database         the mailbox database that holds it ({@code Database}); empty when the output did not say
 */
public record Mailbox(String primarySmtpAddress, String samAccountName, String legacyExchangeDn, Optional<String> throttlingPolicy,
                      Optional<String> database) {

    public Mailbox(String primarySmtpAddress, String samAccountName, String legacyExchangeDn, Optional<String> throttlingPolicy) {
        this(primarySmtpAddress, samAccountName, legacyExchangeDn, throttlingPolicy, Optional.empty());
    }
}
