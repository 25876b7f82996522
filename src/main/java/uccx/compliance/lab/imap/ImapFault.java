package uccx.compliance.lab.imap;

import java.util.Arrays;
import java.util.Optional;

/** How every lab IMAP endpoint misbehaves in a run ({@code lab.faults.imap}). */
public enum ImapFault {
    /** Greets with {@code * OK}, then closes the connection before reading a command. */
    DROP_AFTER_GREETING("dropAfterGreeting"),
    /** Accepts the connection and sends no greeting until the client leaves: slower than any read timeout. */
    SLOW_GREETING("slowGreeting"),
    /** Lets the login succeed, then answers the first folder command with an untagged {@code * BYE} and closes. */
    BYE_MID_SESSION("byeMidSession");

    /** What the lab says when it ends a session under {@link #BYE_MID_SESSION}. */
    public static final String BYE_TEXT = "* BYE The IMAP4 service is stopping.";

    private final String label;

    ImapFault(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ImapFault> ofLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }
}
