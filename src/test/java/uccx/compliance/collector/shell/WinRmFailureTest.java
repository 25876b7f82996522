package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.xebialabs.overthere.winrm.WinRmRuntimeIOException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.security.auth.login.LoginException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.tls.Trust;

/** How failures become messages, for the paths the lab cannot produce (KerberosAgainstLabTest plays the others with a real KDC). */
class WinRmFailureTest {

    private static final WinRmSettings KERBEROS = new WinRmSettings("exch01.corp.example.com", 5986, true,
            "svc-audit@CORP.EXAMPLE.COM", "secret", Duration.ofSeconds(10), Duration.ofSeconds(120), Trust.jvmDefault());

    @Test
    void aKdcRefusingThePasswordLocksTheCredential() {
        WinRmFailure failure = WinRmFailure.kerberosLogin(new LoginException("Pre-authentication information was invalid (24)"),
                "svc-audit@CORP.EXAMPLE.COM", "CORP.EXAMPLE.COM");

        assertThat(failure.credentialRefused()).isTrue();
        assertThat(failure.reason()).isEqualTo("the KDC of CORP.EXAMPLE.COM refused the password of svc-audit@CORP.EXAMPLE.COM;"
                + " it is not tried again");
    }

    @Test
    void aLockedOutAccountLocksTheCredentialAndSaysSo() {
        WinRmFailure failure = WinRmFailure.kerberosLogin(new LoginException("Clients credentials have been revoked (18)"),
                "svc-audit@CORP.EXAMPLE.COM", "CORP.EXAMPLE.COM");

        assertThat(failure.credentialRefused()).isTrue();
        assertThat(failure.reason()).contains("disabled, locked out or expired");
    }

    @Test
    void anUnknownRealmSaysNothingAboutThePassword() {
        WinRmFailure failure = WinRmFailure.kerberosLogin(new LoginException("Cannot locate KDC"), "svc-audit@CORP.EXAMPLE.COM",
                "CORP.EXAMPLE.COM");

        assertThat(failure.credentialRefused()).isFalse();
        assertThat(failure.reason()).startsWith("could not verify the password of svc-audit@CORP.EXAMPLE.COM: the KDC of"
                + " CORP.EXAMPLE.COM could not be reached (Cannot locate KDC; KDC ");
    }

    @Test
    void theKdcsOfARealmAreReadFromKrb5Conf(@TempDir Path dir) throws IOException {
        Path conf = Files.writeString(dir.resolve("krb5.conf"), """
                [libdefaults]
                 default_realm = CORP.EXAMPLE.COM
                [realms]
                 OTHER.EXAMPLE.COM = {
                  kdc = other-dc:88
                 }
                 CORP.EXAMPLE.COM = {
                  kdc = dc01.corp.example.com
                  kdc = dc02.corp.example.com:88
                  admin_server = dc01.corp.example.com
                 }
                """);

        assertThat(KdcAddresses.kdcs(conf, "CORP.EXAMPLE.COM")).containsExactly("dc01.corp.example.com", "dc02.corp.example.com:88");
    }

    @Test
    void aForbiddenShellPointsAtWinRmRights() {
        WinRmFailure failure = WinRmFailure.of(new WinRmRuntimeIOException(
                "Unexpected HTTP response on http://localhost:40000/wsman:  Forbidden (403)"), KERBEROS, Duration.ofSeconds(65));

        assertThat(failure.credentialRefused()).isFalse();
        assertThat(failure.reason()).startsWith("svc-audit@CORP.EXAMPLE.COM authenticated but may not open a WinRM shell (HTTP 403);")
                .contains("winrm configSDDL default").contains("\"WinRM rights\"");
    }

    /** WinRM 2.0 answers a bare 401 both to a ticket it cannot take and to an account without WinRM rights. */
    @Test
    void aBare401ToAKerberosLogonNamesWinRmRightsFirstAndTheTicketSecond() {
        WinRmFailure failure = WinRmFailure.kerberosUnauthorized("svc-audit@CORP.EXAMPLE.COM", "WSMAN/exch01.corp.example.com");

        assertThat(failure.credentialRefused()).as("the KDC took the password: nothing to lock").isFalse();
        assertThat(failure.reason()).startsWith("HTTP 401 to the Negotiate logon of svc-audit@CORP.EXAMPLE.COM")
                .contains("most likely the account may not open a WinRM shell").contains("winrm configSDDL default")
                .contains("could not accept a ticket for WSMAN/exch01.corp.example.com");
    }

    @Test
    void overtheresOwnMessageWithTheSoapRequestIsNeverPassedOn() {
        WinRmFailure failure = WinRmFailure.of(new WinRmRuntimeIOException("Error when sending request to https://x/wsman",
                null, null, new SocketTimeoutException("Read timed out")), KERBEROS, Duration.ofSeconds(65));

        assertThat(failure.reason()).isEqualTo("no answer within 65 s (read timeout)");
    }
}
