package uccx.compliance.lab.smtp;

import java.util.Arrays;
import java.util.Optional;

/**
 * How every lab receive connector refuses a session in a run ({@code lab.faults.smtp}): instead
 * of its 220 banner it greets with a refusal and closes, as RFC 5321 (3.1, 3.8) lets a server do.
 */
public enum SmtpFault {
    /** Service not available, try later: a transient refusal (back pressure, the service stopping). */
    REPLY_421("reply421", "421 4.3.2 Service not available, closing transmission channel"),
    /** No SMTP service for this client: a permanent refusal (a connection filter, a blocked address). */
    REPLY_554("reply554", "554 5.7.1 No SMTP service here");

    private final String label;
    private final String greeting;

    SmtpFault(String label, String greeting) {
        this.label = label;
        this.greeting = greeting;
    }

    public String label() {
        return label;
    }

    /** The line the connector greets with instead of its banner. */
    public String greeting() {
        return greeting;
    }

    public static Optional<SmtpFault> ofLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }
}
