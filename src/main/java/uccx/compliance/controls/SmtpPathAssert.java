package uccx.compliance.controls;

import java.util.Optional;
import uccx.compliance.probes.SmtpResult;

/** LIVE-03: the SMTP path of the UCCX server accepts the UCCX mailbox as a recipient. */
public class SmtpPathAssert extends DomainAssert<SmtpPathAssert, SmtpResult> {

    private static final String EXPECTED = "250 after EHLO and MAIL FROM";

    public SmtpPathAssert(SmtpResult actual) {
        super(actual, SmtpPathAssert.class);
    }

    public SmtpPathAssert acceptsRecipient(String mailbox) {
        isNotNull();
        String setting = "RCPT TO:<" + mailbox + ">";
        return switch (actual.outcome()) {
            case RECIPIENT_ACCEPTED -> complies(setting, EXPECTED, actual.repliesInShort());
            case REFUSED -> throw new SettingViolation(setting, EXPECTED, actual.detail() + " (" + actual.repliesInShort() + ")",
                    Optional.empty());
            case COULD_NOT_VERIFY -> throw new IllegalStateException("could not verify: " + actual.detail());
        };
    }
}
