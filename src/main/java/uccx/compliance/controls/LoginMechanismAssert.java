package uccx.compliance.controls;

import java.util.Optional;
import uccx.compliance.environment.ImapSecurity;
import uccx.compliance.probes.LoginMechanismResult;

/** LIVE-04: the IMAP port offers a login the UCCX client can use with the configured security. */
public class LoginMechanismAssert extends DomainAssert<LoginMechanismAssert, LoginMechanismResult> {

    private static final String EXPECTED = "LOGIN or AUTHENTICATE PLAIN usable";

    public LoginMechanismAssert(LoginMechanismResult actual) {
        super(actual, LoginMechanismAssert.class);
    }

    public LoginMechanismAssert offersAUsableLogin(String server, ImapSecurity security) {
        isNotNull();
        String setting = "IMAP login mechanisms on " + server + " with security " + security;
        return switch (actual.outcome()) {
            case USABLE_LOGIN_OFFERED -> complies(setting, EXPECTED, String.join(", ", actual.usableLogins()));
            case NO_USABLE_LOGIN -> throw new SettingViolation(setting, EXPECTED, actual.detail() + " (CAPABILITY "
                    + String.join(" ", actual.capabilitiesBefore()) + ")", Optional.empty());
            case COULD_NOT_VERIFY -> throw new IllegalStateException("could not verify: " + actual.detail());
        };
    }
}
