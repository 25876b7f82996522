package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.lab.winrm.ScriptEcho;
import uccx.compliance.lab.winrm.WinRmEndpoint;
import uccx.compliance.lab.winrm.WinRmEndpointSettings;
import uccx.compliance.tls.Trust;

/** Overthere's WinRM client against the lab's WinRM endpoint on loopback, over HTTP with Basic. */
class WinRmShellTest {

    static final String USER = "labuser";
    static final String PASSWORD = "Lab-Pa55-per-run";
    static final String COMMAND_LINE = "powershell.exe -NoProfile -NonInteractive -Command -";

    private WinRmEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = WinRmEndpoint.start(WinRmEndpointSettings.http(USER, PASSWORD), ScriptEcho.programs());
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    static WinRmSettings http(int port, String password, Duration readTimeout) {
        return new WinRmSettings("127.0.0.1", port, false, USER, password, Duration.ofSeconds(2), readTimeout, Trust.jvmDefault());
    }

    static RemoteCommand script(String... lines) {
        return new RemoteCommand(COMMAND_LINE, List.of(lines));
    }

    @Test
    void theCommandLineAndEveryInputLineArriveInOrderAndTheOutputComesBack() throws ShellException {
        try (WinRmShell shell = new WinRmShell(http(endpoint.port(), PASSWORD, Duration.ofSeconds(5)))) {
            ShellOutput output = shell.run(script("Get-ExchangeServer", "first", "second", "err a warning", "exit 3", ScriptEcho.SENTINEL));

            assertThat(endpoint.commandLines()).containsExactly(COMMAND_LINE);
            assertThat(output.stdout()).isEqualTo("read: Get-ExchangeServer\r\nread: first\r\nread: second\r\n");
            assertThat(output.stderr()).isEqualTo("a warning\r\n");
            assertThat(output.exitCode()).isEqualTo(3);
            assertThat(endpoint.commandsReceived()).isEqualTo(1);
            assertThat(endpoint.failedAuthentications()).isZero();
            assertThat(endpoint.violations()).isEmpty();
        }
    }

    /**
     * Every Send is a WinRM round trip. Flushed line by line, the collector's 600-line script went
     * out in far more Sends than its size needs and arrived seconds after powershell.exe had started;
     * written at once, Overthere sends it in full loads of its 1 KiB input pipe.
     */
    @Test
    void manyShortInputLinesGoOutInFullPipeLoadsNotASendPerLine() throws ShellException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            lines.add("# input line " + i + " of a long script, about as long as one of the collector's");
        }
        lines.add(ScriptEcho.SENTINEL);
        int bytes = lines.stream().mapToInt(l -> l.length() + 2).sum();
        try (WinRmShell shell = new WinRmShell(http(endpoint.port(), PASSWORD, Duration.ofSeconds(30)))) {
            ShellOutput output = shell.run(new RemoteCommand(COMMAND_LINE, lines));

            assertThat(output.exitCode()).isZero();
            assertThat(output.stdout()).contains("read: # input line 599 of");
        }
        int pipeLoad = 1024;
        assertThat(endpoint.sendsReceived()).isBetween(1, (bytes + pipeLoad - 1) / pipeLoad + 1);
    }

    @Test
    void outputLargerThanOneEnvelopeArrivesWhole() throws ShellException {
        try (WinRmShell shell = new WinRmShell(http(endpoint.port(), PASSWORD, Duration.ofSeconds(5)))) {
            ShellOutput output = shell.run(script("repeat 400000", ScriptEcho.SENTINEL));

            assertThat(output.stdout()).hasSize(400_002).startsWith("xxx").endsWith("x\r\n");
            assertThat(output.exitCode()).isZero();
        }
    }

    @Test
    void aWrongPasswordFailsOnceAndIsNeverTriedAgain() {
        try (WinRmShell shell = new WinRmShell(http(endpoint.port(), "wrong-password", Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("WinRM " + endpoint.uri() + ": HTTP 401 authentication failed for user labuser"
                            + " (Basic; the password is never retried)")
                    .message().doesNotContain("wrong-password");
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .hasMessageContaining("was refused earlier and is never tried twice");
        }
        assertThat(endpoint.failedAuthentications()).isEqualTo(1);
        assertThat(endpoint.commandsReceived()).isZero();
        assertThat(endpoint.violations()).isEmpty();
    }

    @Test
    void aClosedPortFailsWithinTheConnectTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();
        try (WinRmShell shell = new WinRmShell(http(closedPort, PASSWORD, Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("WinRM http://127.0.0.1:" + closedPort + "/wsman: connection refused");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheReadTimeout() throws IOException {
        try (WinRmEndpoint silent = WinRmEndpoint.start(WinRmEndpointSettings.http(USER, PASSWORD).withLatency(Duration.ofSeconds(30)),
                ScriptEcho.programs());
             WinRmShell shell = new WinRmShell(http(silent.port(), PASSWORD, Duration.ofMillis(700)))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("WinRM " + silent.uri() + ": no answer within 0.7 s (read timeout)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(650), Duration.ofMillis(1500));
        }
    }

    @Test
    void aCommandSilentForTheOperationTimeoutFailsBecauseOverthereDoesNotReceiveAgain() {
        long started = System.nanoTime();
        try (WinRmShell shell = new WinRmShell(http(endpoint.port(), PASSWORD, Duration.ofSeconds(5)), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> shell.run(script("no sentinel: the script never ends")))
                    .isInstanceOf(ShellException.class)
                    .hasMessageStartingWith("WinRM " + endpoint.uri() + ": HTTP 500, a WS-Management fault")
                    .hasMessageContaining("most likely w:TimedOut")
                    .hasMessageContaining("OperationTimeout (0.3 s)");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(endpoint.commandsReceived()).isEqualTo(1);
    }

    @Test
    void aCommandLineThatSendingWouldAlterIsRefusedBeforeAnythingIsSent() {
        try (WinRmShell shell = new WinRmShell(http(endpoint.port(), PASSWORD, Duration.ofSeconds(5)))) {
            assertThatThrownBy(() -> shell.run(new RemoteCommand("powershell.exe  -Command -", List.of())))
                    .isInstanceOf(ShellException.class)
                    .hasMessageContaining("two spaces at position 14");
            assertThatThrownBy(() -> shell.run(new RemoteCommand("powershell.exe\t-Command -", List.of())))
                    .hasMessageContaining("the control character U+0009 at position 14");
        }
        assertThat(endpoint.commandsReceived()).isZero();
    }

    @Test
    void describeNamesTheEndpointTheUserAndTheSchemeButNoSecret() {
        try (WinRmShell basic = new WinRmShell(http(51234, PASSWORD, Duration.ofSeconds(5)));
             WinRmShell kerberos = new WinRmShell(new WinRmSettings("exch01.corp.example.com", 5986, true,
                     "svc-audit@CORP.EXAMPLE.COM", PASSWORD, Duration.ofSeconds(10), Duration.ofSeconds(120), Trust.jvmDefault()))) {
            assertThat(basic.describe()).isEqualTo("WinRM http://127.0.0.1:51234/wsman as labuser (Basic)");
            assertThat(kerberos.describe())
                    .isEqualTo("WinRM https://exch01.corp.example.com:5986/wsman as svc-audit@CORP.EXAMPLE.COM"
                            + " (Kerberos, delegated only where Active Directory trusts the server for delegation)");
            assertThat(kerberos.operationTimeout()).isEqualTo(Duration.ofSeconds(60));
        }
    }
}
