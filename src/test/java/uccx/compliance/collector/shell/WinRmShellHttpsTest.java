package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uccx.compliance.collector.shell.WinRmShellTest.PASSWORD;
import static uccx.compliance.collector.shell.WinRmShellTest.USER;
import static uccx.compliance.collector.shell.WinRmShellTest.script;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.lab.winrm.ScriptEcho;
import uccx.compliance.lab.winrm.WinRmEndpoint;
import uccx.compliance.lab.winrm.WinRmEndpointSettings;
import uccx.compliance.tls.Trust;

/** HTTPS to the lab endpoint's per-run certificate: every trust choice verifies, on the connection that carries the password. */
class WinRmShellHttpsTest {

    private static final String OTHER_FINGERPRINT = "00".repeat(31) + "01";

    private WinRmEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = WinRmEndpoint.start(WinRmEndpointSettings.http(USER, PASSWORD).withHttps(), ScriptEcho.programs());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private WinRmShell shell(Trust trust) {
        return new WinRmShell(new WinRmSettings("127.0.0.1", endpoint.port(), true, USER, PASSWORD,
                Duration.ofSeconds(2), Duration.ofSeconds(5), trust));
    }

    @Test
    void thePinnedCertificateIsAccepted() throws ShellException {
        try (WinRmShell shell = shell(Trust.pinnedSha256(endpoint.certificateSha256().toUpperCase()))) {
            ShellOutput output = shell.run(script("over TLS", ScriptEcho.SENTINEL));

            assertThat(output.stdout()).isEqualTo("read: over TLS\r\n");
            assertThat(endpoint.commandsReceived()).isEqualTo(1);
        }
    }

    @Test
    void anotherCertificateThanThePinnedOneIsRefusedBeforeThePasswordIsSent() {
        try (WinRmShell shell = shell(Trust.pinnedSha256(OTHER_FINGERPRINT))) {
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("WinRM https://127.0.0.1:" + endpoint.port() + "/wsman: TLS certificate not trusted (SHA-256 "
                            + endpoint.certificateSha256() + " does not match the pinned fingerprint)");
        }
        assertThat(endpoint.commandsReceived()).isZero();
        assertThat(endpoint.failedAuthentications()).isZero();
    }

    @Test
    void theJvmDefaultTrustRefusesTheLabsSelfSignedCertificate() {
        try (WinRmShell shell = shell(Trust.jvmDefault())) {
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("WinRM https://127.0.0.1:" + endpoint.port() + "/wsman: TLS certificate not trusted (SHA-256 "
                            + endpoint.certificateSha256() + ", CN=localhost, is not trusted by the JVM's default trust store)");
        }
        assertThat(endpoint.commandsReceived()).isZero();
    }

    @Test
    void aTrustStoreFileHoldingTheCertificateIsAccepted(@TempDir Path dir) throws Exception {
        Path store = writeTrustStore(dir.resolve("exchange.p12"), "store-secret");
        try (WinRmShell shell = shell(Trust.trustStore(store, "store-secret"))) {
            assertThat(shell.run(script("trusted", ScriptEcho.SENTINEL)).stdout()).isEqualTo("read: trusted\r\n");
        }
    }

    @Test
    void anUnreadableTrustStoreIsNamedWithoutItsPassword(@TempDir Path dir) throws Exception {
        Path store = writeTrustStore(dir.resolve("exchange.p12"), "store-secret");
        try (WinRmShell shell = shell(Trust.trustStore(store, "not-the-store-password"))) {
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessageStartingWith("WinRM https://127.0.0.1:" + endpoint.port() + "/wsman: cannot read the trust store " + store)
                    .message().doesNotContain("not-the-store-password");
        }
        assertThat(endpoint.commandsReceived()).isZero();
    }

    @Test
    void aSilentServerBehindTlsFailsWithinTheReadTimeout() throws IOException {
        try (WinRmEndpoint silent = WinRmEndpoint.start(WinRmEndpointSettings.http(USER, PASSWORD).withHttps()
                .withLatency(Duration.ofSeconds(30)), ScriptEcho.programs());
             WinRmShell shell = new WinRmShell(new WinRmSettings("127.0.0.1", silent.port(), true, USER, PASSWORD,
                     Duration.ofSeconds(2), Duration.ofMillis(700), Trust.pinnedSha256(silent.certificateSha256())))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .hasMessage("WinRM https://127.0.0.1:" + silent.port() + "/wsman: no answer within 0.7 s (read timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
    }

    private Path writeTrustStore(Path file, String password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            endpoint.trustStore().store(out, password.toCharArray());
        }
        return file;
    }
}
