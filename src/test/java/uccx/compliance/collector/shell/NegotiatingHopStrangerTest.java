package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

/**
 * The Kerberos hop signs what it carries with the audit account's logon, and any local process
 * can reach its loopback port: a request to any other path than the shell's is refused there,
 * never signed (no ticket is asked for: the Subject here has none) and never sent on.
 */
class NegotiatingHopStrangerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aLocalStrangersRequestIsRefusedWithoutReachingTheServer() throws IOException {
        try (HostileServer server = new HostileServer(client -> client.getInputStream().read());
             NegotiatingHop hop = NegotiatingHop.open(new ServerDial("127.0.0.1", server.port(), TIMEOUT, TIMEOUT, Optional.empty()),
                     new SpnegoInitiator(new Subject(), "127.0.0.1", WinRmSettings.Delegation.NEVER), "audit@CORP.EXAMPLE.COM")) {
            int port = hop.map(InetSocketAddress.createUnresolved("127.0.0.1", server.port())).getPort();
            String answer;
            try (Socket stranger = new Socket(InetAddress.getLoopbackAddress(), port)) {
                stranger.setSoTimeout(Math.toIntExact(TIMEOUT.toMillis()));
                stranger.getOutputStream().write(("POST /wsman HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/soap+xml\r\n"
                        + "Content-Length: 4\r\n\r\n<x/>").getBytes(StandardCharsets.US_ASCII));
                answer = new String(stranger.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            }

            assertThat(answer).startsWith("HTTP/1.1 403");
            assertThat(server.connections()).isZero();
            assertThat(hop.failure()).isEmpty();
            assertThat(hop.context()).startsWith("/wsman-").hasSizeGreaterThan(30);
        }
    }
}
