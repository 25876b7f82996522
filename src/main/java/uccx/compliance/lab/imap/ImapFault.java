package uccx.compliance.lab.imap;

import java.util.Arrays;
import java.util.Optional;

/**
 * How every lab IMAP endpoint misbehaves in a run ({@code lab.faults.imap}).
 *
 * @param kind        what goes wrong
 * @param loginNumber for {@link Kind#REFUSE_LOGIN_FROM}: the first login (counted on the endpoint from 1) that is refused; 0 otherwise
 */
public record ImapFault(Kind kind, int loginNumber) {

    /** What the lab says when it ends a session under {@link Kind#BYE_MID_SESSION}. */
    public static final String BYE_TEXT = "* BYE The IMAP4 service is stopping.";

    public static final ImapFault DROP_AFTER_GREETING = new ImapFault(Kind.DROP_AFTER_GREETING, 0);
    public static final ImapFault SLOW_GREETING = new ImapFault(Kind.SLOW_GREETING, 0);
    public static final ImapFault BYE_MID_SESSION = new ImapFault(Kind.BYE_MID_SESSION, 0);
    public static final ImapFault DROP_AFTER_LOGIN = new ImapFault(Kind.DROP_AFTER_LOGIN, 0);

    public enum Kind {
        /** Greets with {@code * OK}, then closes the connection before reading a command. */
        DROP_AFTER_GREETING("dropAfterGreeting"),
        /** Accepts the connection and sends no greeting until the client leaves: slower than any read timeout. */
        SLOW_GREETING("slowGreeting"),
        /** Lets the login succeed, then answers the first folder command with an untagged {@code * BYE} and closes. */
        BYE_MID_SESSION("byeMidSession"),
        /**
         * Reads LOGIN or AUTHENTICATE, checks the password as the Client Access server would (so a wrong
         * one still counts in the journal), then closes the connection without a word: a reset after the
         * password left the client.
         */
        DROP_AFTER_LOGIN("dropAfterLogin"),
        /**
         * From the {@code loginNumber}-th login on, every login is refused as a wrong password is
         * ({@code NO LOGIN failed.}): a password changed, or an account locked, while the run goes on.
         */
        REFUSE_LOGIN_FROM("refuseLoginFrom");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ImapFault {
        if (kind == Kind.REFUSE_LOGIN_FROM ? loginNumber < 1 : loginNumber != 0) {
            throw new IllegalArgumentException("lab.faults.imap: refuseLoginFrom needs a login number from 1, the others none");
        }
    }

    /** The k-th and every later login on the endpoint refused. */
    public static ImapFault refuseLoginFrom(int loginNumber) {
        return new ImapFault(Kind.REFUSE_LOGIN_FROM, loginNumber);
    }

    /** A fault without a number, by its name in the lab state; {@code refuseLoginFrom} needs one and is not found here. */
    public static Optional<ImapFault> ofLabel(String label) {
        return Arrays.stream(Kind.values()).filter(k -> k != Kind.REFUSE_LOGIN_FROM && k.label.equals(label)).findFirst()
                .map(k -> new ImapFault(k, 0));
    }

    public String label() {
        return kind == Kind.REFUSE_LOGIN_FROM ? kind.label + ": " + loginNumber : kind.label;
    }

    /** Whether the k-th login on the endpoint (counted from 1) is to be refused. */
    boolean refuses(int login) {
        return kind == Kind.REFUSE_LOGIN_FROM && login >= loginNumber;
    }
}
