package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static uccx.compliance.probes.HostileMailServer.readLine;
import static uccx.compliance.probes.HostileMailServer.write;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server that never stops talking: the raw-socket probes read a bounded amount and report
 * could-not-verify naming the bound, long before the read timeout (which a peer that keeps
 * sending never triggers) and without buffering what it sends.
 */
class HostilePeerBoundsTest {

    /** Far below what the peer could send in this time, far above what the bounded probe takes. */
    private static final Duration AT_MOST = Duration.ofSeconds(15);
    private static final String KIB_OF_A = "A".repeat(1024);

    @Test
    void anSmtpReplyThatContinuesForeverIsCutOffAtTheLineBound() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "220 mail.example.com ESMTP\r\n");
            readLine(client);
            while (true) {
                write(client, "250-PIPELINING\r\n");
            }
        })) {
            SmtpResult result = assertTimeoutPreemptively(AT_MOST,
                    () -> new SmtpPath(Targets.plain(server.port()), "runner").probe("uccx@example.com"));

            assertThat(result.outcome()).isEqualTo(SmtpResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).isEqualTo("127.0.0.1:" + server.port() + " (none): the server's reply went on for more than "
                    + SmtpPath.MAX_REPLY_LINES + " lines (the bound on one reply), the last: 250-PIPELINING");
        }
    }

    @Test
    void anSmtpReplyOfThirtyLinesIsStillRead() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "220 mail.example.com ESMTP\r\n");
            readLine(client);
            write(client, "250-mail.example.com Hello\r\n" + "250-X-EXTENSION\r\n".repeat(30) + "250 CHUNKING\r\n");
            readLine(client);
            write(client, "250 2.1.0 Sender OK\r\n");
            readLine(client);
            write(client, "250 2.1.5 Recipient OK\r\n");
            readLine(client);
            write(client, "250 2.0.0 Resetting\r\n");
            readLine(client);
            write(client, "221 2.0.0 Closing\r\n");
        })) {
            SmtpResult result = new SmtpPath(Targets.plain(server.port()), "runner").probe("uccx@example.com");

            assertThat(result.outcome()).isEqualTo(SmtpResult.Outcome.RECIPIENT_ACCEPTED);
            assertThat(result.extensions()).hasSize(31);
        }
    }

    @Test
    void anSmtpGreetingWithoutALineEndIsCutOffAtTheLineBound() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "220 ");
            while (true) {
                write(client, KIB_OF_A);
            }
        })) {
            SmtpResult result = assertTimeoutPreemptively(AT_MOST,
                    () -> new SmtpPath(Targets.plain(server.port()), "runner").probe("uccx@example.com"));

            assertThat(result.outcome()).isEqualTo(SmtpResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).isEqualTo("127.0.0.1:" + server.port() + " (none): the server sent a line longer than 64 KiB"
                    + " (the bound on one line); it was not read further");
        }
    }

    @Test
    void anImapGreetingWithoutALineEndIsCutOffAtTheLineBound() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "* OK ");
            while (true) {
                write(client, KIB_OF_A);
            }
        })) {
            LoginMechanismResult result = assertTimeoutPreemptively(AT_MOST,
                    () -> new LoginMechanism(Targets.plain(server.port()), true).probe());

            assertThat(result.outcome()).isEqualTo(LoginMechanismResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).contains("longer than 64 KiB (the bound on one line)");
        }
    }

    @Test
    void anImapCapabilityLineAnnouncingAHugeLiteralIsNeverBuffered() throws IOException {
        // {2147483647} promises 2 GiB; the raw probe reads lines, so what follows is one more line under the bound.
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "* OK IMAP4rev1 ready\r\n");
            readLine(client);
            write(client, "* CAPABILITY IMAP4rev1 {2147483647}\r\n");
            while (true) {
                write(client, KIB_OF_A);
            }
        })) {
            LoginMechanismResult result = assertTimeoutPreemptively(AT_MOST,
                    () -> new LoginMechanism(Targets.plain(server.port()), true).probe());

            assertThat(result.outcome()).isEqualTo(LoginMechanismResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).contains("longer than 64 KiB (the bound on one line)");
        }
    }

    @Test
    void aGreetingTrickledAByteAtATimeMustArriveWithinTheReadTimeout() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "220 ");
            while (true) {
                write(client, "x");
                sleep(Duration.ofMillis(200));
            }
        })) {
            long started = System.nanoTime();
            SmtpResult result = assertTimeoutPreemptively(AT_MOST,
                    () -> new SmtpPath(Targets.plain(server.port()), "runner").probe("uccx@example.com"));

            assertThat(result.outcome()).isEqualTo(SmtpResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).isEqualTo("127.0.0.1:" + server.port() + " (none): no answer within 3 s");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
