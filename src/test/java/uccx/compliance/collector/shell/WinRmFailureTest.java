package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.xebialabs.overthere.winrm.WinRmRuntimeIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.security.auth.login.LoginException;
import org.junit.jupiter.api.Test;
import uccx.compliance.tls.Trust;

/** How Overthere's failures become messages, for the paths the lab cannot produce (Kerberos). */
class WinRmFailureTest {

    private static final WinRmSettings KERBEROS = new WinRmSettings("exch01.corp.example.com", 5986, true,
            "svc-audit@CORP.EXAMPLE.COM", "secret", Duration.ofSeconds(10), Duration.ofSeconds(120), Trust.jvmDefault());

    @Test
    void aKdcRefusingThePasswordLocksTheCredential() {
        WinRmFailure failure = WinRmFailure.of(new WinRmRuntimeIOException("Login failure sending message on https://x/wsman",
                new LoginException("Pre-authentication information was invalid (24)")), KERBEROS, Duration.ofSeconds(65));

        assertThat(failure.credentialRefused()).isTrue();
        assertThat(failure.reason()).isEqualTo("Kerberos login failed for user svc-audit@CORP.EXAMPLE.COM"
                + " (Pre-authentication information was invalid (24); the password is never retried)");
    }

    @Test
    void anUnreachableKdcSaysNothingAboutThePassword() {
        WinRmFailure failure = WinRmFailure.of(new WinRmRuntimeIOException("Login failure",
                new LoginException("Cannot locate KDC")), KERBEROS, Duration.ofSeconds(65));

        assertThat(failure.credentialRefused()).isFalse();
        assertThat(failure.reason()).isEqualTo("Kerberos login failed for user svc-audit@CORP.EXAMPLE.COM (Cannot locate KDC)");
    }

    @Test
    void aRefusedKerberosTicketIsAnAuthenticationFailure() {
        WinRmFailure failure = WinRmFailure.of(new WinRmRuntimeIOException(
                "Unexpected HTTP response on http://localhost:40000/wsman:  Unauthorized (401)"), KERBEROS, Duration.ofSeconds(65));

        assertThat(failure.credentialRefused()).isTrue();
        assertThat(failure.reason()).isEqualTo("HTTP 401 authentication failed for user svc-audit@CORP.EXAMPLE.COM"
                + " (Kerberos; the password is never retried)");
    }

    @Test
    void overtheresOwnMessageWithTheSoapRequestIsNeverPassedOn() {
        WinRmFailure failure = WinRmFailure.of(new WinRmRuntimeIOException("Error when sending request to https://x/wsman",
                null, null, new SocketTimeoutException("Read timed out")), KERBEROS, Duration.ofSeconds(65));

        assertThat(failure.reason()).isEqualTo("no answer within 65 s (read timeout)");
    }
}
