package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uccx.compliance.collector.shell.HostileServer.write;
import static uccx.compliance.collector.shell.HostileServer.writeBytes;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The relay between Overthere and the WinRM server, met by local strangers and a hostile server:
 * it caps its connections, dials only for a connection that speaks, cuts off an answer past the
 * bound on that connection alone, and stops listening when closed.
 */
class LoopbackHopTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static RelayHop relayTo(HostileServer server) throws IOException {
        return RelayHop.open(new ServerDial("127.0.0.1", server.port(), TIMEOUT, TIMEOUT, Optional.empty()));
    }

    /** The loopback port Overthere is sent to, as Overthere learns it. */
    private static int portOf(LoopbackHop hop, HostileServer server) {
        return hop.map(InetSocketAddress.createUnresolved("127.0.0.1", server.port())).getPort();
    }

    private static Socket connect(LoopbackHop hop, HostileServer server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), portOf(hop, server));
        socket.setSoTimeout(Math.toIntExact(TIMEOUT.toMillis()));
        return socket;
    }

    /** Echoes each line back, so that a test can tell a carried connection from a dropped one. */
    private static HostileServer echo() throws IOException {
        return new HostileServer(client -> {
            InputStream in = client.getInputStream();
            for (int b; (b = in.read()) >= 0; ) {
                client.getOutputStream().write(b);
            }
        });
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new String(socket.getInputStream().readNBytes(text.length()), StandardCharsets.US_ASCII);
    }

    @Test
    void aStrangerThatConnectsAndSaysNothingNeverReachesTheServer() throws Exception {
        try (HostileServer server = echo(); RelayHop hop = relayTo(server); Socket stranger = connect(hop, server)) {
            Thread.sleep(500);

            assertThat(server.connections()).isZero();
            assertThat(hop.failure()).isEmpty();
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnceWhileTheOthersCarryOn() throws Exception {
        try (HostileServer server = echo(); RelayHop hop = relayTo(server)) {
            List<Socket> carried = new ArrayList<>();
            try {
                for (int i = 0; i < LoopbackHop.MAX_CONNECTIONS; i++) {
                    Socket socket = connect(hop, server);
                    carried.add(socket);
                    assertThat(roundTrip(socket, "hello " + i + "\n")).isEqualTo("hello " + i + "\n");
                }
                try (Socket oneTooMany = connect(hop, server)) {
                    oneTooMany.getOutputStream().write("more\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(oneTooMany.getInputStream().read()).isEqualTo(-1);
                }
                assertThat(roundTrip(carried.get(0), "still here\n")).isEqualTo("still here\n");
                assertThat(server.connections()).isEqualTo(LoopbackHop.MAX_CONNECTIONS);
            } finally {
                carried.forEach(LoopbackHop::closeQuietly);
            }
        }
    }

    @Test
    void anAnswerPastTheBoundEndsItsOwnConnectionOnly() throws Exception {
        try (HostileServer server = new HostileServer(client -> {
            int first = client.getInputStream().read();
            if (first == 'h') {
                // hostile: more than the bound, and then some
                writeBytes(client, 3L * LoopbackHop.MAX_ANSWER_BYTES, (byte) 'A');
            } else {
                write(client, "fine\n");
                client.getInputStream().read();
            }
        }); RelayHop hop = relayTo(server); Socket hostile = connect(hop, server); Socket fine = connect(hop, server)) {
            hostile.getOutputStream().write('h');
            fine.getOutputStream().write('f');

            long received = hostile.getInputStream().readAllBytes().length;

            assertThat(received).isLessThanOrEqualTo(LoopbackHop.MAX_ANSWER_BYTES);
            assertThat(new String(fine.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("fine\n");
            assertThat(hop.failure()).map(WinRmFailure::reason).hasValue("the server's answer to one request was larger than 1024 KiB"
                    + " (the bound on one WinRM answer; the client asks for envelopes of at most 150 KiB); it was cut off");
        }
    }

    @Test
    void aClosedHopNoLongerListens() throws IOException {
        int port;
        try (HostileServer server = echo(); RelayHop hop = relayTo(server)) {
            port = portOf(hop, server);
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(ConnectException.class);
    }
}
