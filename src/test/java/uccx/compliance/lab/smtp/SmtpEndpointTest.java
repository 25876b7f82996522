package uccx.compliance.lab.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lab's receive connector over a raw socket: Exchange 2010's exact wire text. */
class SmtpEndpointTest {

    private final SmtpEndpoint endpoint = start();

    private static SmtpEndpoint start() {
        try {
            return SmtpEndpoint.start(new SmtpEndpoint.Settings("EXCH01.lab.example.com", "EXCH01\\UCCX Relay",
                    Set.of("uccx-email@lab.example.com"), OptionalInt.of(2),
                    Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private record Client(Socket socket, BufferedReader in, OutputStream out) implements AutoCloseable {
        static Client connect(SmtpEndpoint endpoint) throws IOException {
            Socket socket = new Socket(endpoint.host(), endpoint.port());
            socket.setSoTimeout(5_000);
            return new Client(socket, new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)),
                    socket.getOutputStream());
        }

        List<String> send(String command) throws IOException {
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        }

        List<String> reply() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = in.readLine();
                lines.add(line);
            } while (line != null && line.length() > 3 && line.charAt(3) == '-');
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void answersTheUccxServersPathLikeExchange2010AndNeverTakesData() throws IOException {
        try (Client client = Client.connect(endpoint)) {
            assertThat(client.reply()).containsExactly("220 EXCH01.lab.example.com Microsoft ESMTP MAIL Service ready at Thu, 26 Nov 2026 20:00:00 +0000");
            List<String> ehlo = client.send("EHLO uccx");
            assertThat(ehlo.get(0)).isEqualTo("250-EXCH01.lab.example.com Hello [127.0.0.1]");
            assertThat(ehlo).contains("250-PIPELINING", "250-ENHANCEDSTATUSCODES", "250 XRDST");
            assertThat(client.send("RCPT TO:<uccx-email@lab.example.com>")).containsExactly("503 5.5.2 Need mail command");
            assertThat(client.send("MAIL FROM:<uccx-email@lab.example.com>")).containsExactly("250 2.1.0 Sender OK");
            assertThat(client.send("RCPT TO:<UCCX-Email@lab.example.com>")).containsExactly("250 2.1.5 Recipient OK");
            assertThat(client.send("RCPT TO:<nobody@lab.example.com>")).containsExactly("550 5.1.1 User unknown");
            assertThat(client.send("DATA").get(0)).startsWith("554 5.7.1");
            assertThat(client.send("RSET")).containsExactly("250 2.0.0 Resetting");
            assertThat(client.send("QUIT")).containsExactly("221 2.0.0 Service closing transmission channel");
        }
        assertThat(endpoint.dataAttempts()).hasSize(1);
        assertThat(endpoint.journal()).extracting(SmtpEndpoint.Received::verb)
                .containsExactly("EHLO", "RCPT", "MAIL", "RCPT", "RCPT", "DATA", "RSET", "QUIT");
    }

    @Test
    void enforcesMaxInboundConnectionPerSource() throws IOException {
        try (Client first = Client.connect(endpoint); Client second = Client.connect(endpoint)) {
            first.reply();
            second.reply();
            try (Client third = Client.connect(endpoint)) {
                assertThat(third.reply()).containsExactly(
                        "421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel");
            }
        }
        assertThat(endpoint.refusedConnections()).isEqualTo(1);
    }
}
