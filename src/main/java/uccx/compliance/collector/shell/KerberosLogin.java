package uccx.compliance.collector.shell;

import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The audit account's one Kerberos login of a run: an AS exchange with the password, which
 * leaves its TGT in a {@link Subject} that only this run holds.
 *
 * <p>Through JDK's {@code Krb5LoginModule} with a {@link Configuration} of the suite's own,
 * passed to the {@link LoginContext} (no JVM-wide JAAS file or property): no ticket cache (the
 * runner's own tickets are never borrowed, and nothing is written to one), no keytab, the
 * password from the callback handler, never from a prompt. The realm's KDCs, {@code forwardable}
 * and timeouts come from the JVM's krb5.conf ({@code java.security.krb5.conf}, else
 * {@code /etc/krb5.conf}), which is the site's.
 */
final class KerberosLogin {

    private static final String LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";

    private KerberosLogin() {
    }

    /** Logs in once; a refused password fails here and is not tried again by the module either. */
    static Subject login(String principal, String password) throws LoginException {
        LoginContext context = new LoginContext("uccx-winrm", new Subject(), callbacks -> answer(callbacks, principal, password),
                new ClientOnly(principal));
        context.login();
        return context.getSubject();
    }

    private static void answer(Callback[] callbacks, String principal, String password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(principal);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    /** Krb5LoginModule as an initiator that asks the callback handler for the password, and for nothing else. */
    private static final class ClientOnly extends Configuration {
        private final String principal;

        ClientOnly(String principal) {
            this.principal = principal;
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            Map<String, String> options = Map.of(
                    "principal", principal,
                    "useTicketCache", "false",
                    "useKeyTab", "false",
                    "storeKey", "false",
                    "doNotPrompt", "false",
                    "isInitiator", "true");
            return new AppConfigurationEntry[] {new AppConfigurationEntry(LOGIN_MODULE, LoginModuleControlFlag.REQUIRED, options)};
        }
    }
}
