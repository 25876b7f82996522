package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static uccx.compliance.collector.shell.HostileServer.readRequest;
import static uccx.compliance.collector.shell.HostileServer.write;
import static uccx.compliance.collector.shell.HostileServer.writeBytes;
import static uccx.compliance.collector.shell.WinRmShellTest.PASSWORD;
import static uccx.compliance.collector.shell.WinRmShellTest.script;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import uccx.compliance.lab.winrm.ScriptEcho;

/** A WinRM server that answers more than any envelope: the shell cuts it off at the bound and says so, over HTTP as over HTTPS. */
class HostileWinRmServerTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final long SIXTY_FOUR_MIB = 64L * 1024 * 1024;

    @Test
    void anAnswerLargerThanTheBoundIsCutOffAndTheBoundIsNamed() throws IOException {
        try (HostileServer server = new HostileServer(client -> {
            while (readRequest(client)) {
                write(client, "HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nContent-Length: "
                        + SIXTY_FOUR_MIB + "\r\n\r\n");
                writeBytes(client, SIXTY_FOUR_MIB, (byte) 'A');
            }
        });
             WinRmShell shell = new WinRmShell(WinRmShellTest.http(server.port(), PASSWORD, READ_TIMEOUT))) {
            assertTimeoutPreemptively(READ_TIMEOUT, () -> assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("WinRM http://127.0.0.1:" + server.port() + "/wsman: the server's answer to one request was larger than"
                            + " 1024 KiB (the bound on one WinRM answer; the client asks for envelopes of at most 150 KiB); it was cut off"));
        }
    }
}
