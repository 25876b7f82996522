package uccx.compliance.probes;

import java.util.List;

/**
 * What LIVE-04 found: which logins the IMAP server offers on the configured port.
 *
 * @param capabilitiesBefore the CAPABILITY atoms on connect (after the handshake for ssl)
 * @param capabilitiesAfterTls the atoms after STARTTLS; empty when no STARTTLS was done
 * @param usableLogins       the logins a UCCX client can use there, e.g. {@code LOGIN}, {@code AUTHENTICATE PLAIN}
 * @param detail             why, in a sentence, e.g. that LOGINDISABLED without STARTTLS blocks plain LOGIN
 */
public record LoginMechanismResult(Outcome outcome, String greeting, List<String> capabilitiesBefore,
        List<String> capabilitiesAfterTls, List<String> usableLogins, String detail) {

    public LoginMechanismResult {
        capabilitiesBefore = List.copyOf(capabilitiesBefore);
        capabilitiesAfterTls = List.copyOf(capabilitiesAfterTls);
        usableLogins = List.copyOf(usableLogins);
    }

    /** The conversation as the probe held it: greeting, CAPABILITY, and STARTTLS when it was done. */
    public String transcript() {
        return "S: " + greeting + "\nC: CAPABILITY\nS: * CAPABILITY " + String.join(" ", capabilitiesBefore)
                + (capabilitiesAfterTls.isEmpty() ? "" : "\nC: STARTTLS (TLS established)\nC: CAPABILITY\nS: * CAPABILITY "
                + String.join(" ", capabilitiesAfterTls));
    }

    public enum Outcome {
        USABLE_LOGIN_OFFERED,
        NO_USABLE_LOGIN,
        /** No answer to judge: unreachable, timed out, TLS refused. */
        COULD_NOT_VERIFY
    }
}
