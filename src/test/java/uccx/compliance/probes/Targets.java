package uccx.compliance.probes;

import java.time.Duration;
import uccx.compliance.environment.ImapSecurity;
import uccx.compliance.environment.Secret;
import uccx.compliance.tls.Trust;

/** Loopback targets with short bounds, so a broken probe fails a test in seconds. */
final class Targets {

    static final String PASSWORD = "Corr3ct-H0rse-Battery";

    private Targets() {
    }

    static MailTarget plain(int port) {
        return new MailTarget("127.0.0.1", port, ImapSecurity.NONE, new Trust.JvmDefault(), Duration.ofSeconds(2),
                Duration.ofSeconds(3));
    }

    static UccxCredentials credentials(String password) {
        return new UccxCredentials("uccx", new Secret("${UCCX_PASSWORD}", password));
    }
}
