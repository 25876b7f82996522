package uccx.compliance.lab.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lab's receive connector over a raw socket: Exchange 2010's exact wire text. */
class SmtpEndpointTest {

    static final String MAILBOX = "uccx-email@lab.example.com";
    private static final String LIMIT_421 =
            "421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel";

    static SmtpEndpointSettings settings(OptionalInt perSource, OptionalInt total) {
        return new SmtpEndpointSettings("EXCH01.lab.example.com", "EXCH01\\UCCX Relay", Set.of(MAILBOX), perSource, total,
                Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void greetsAndAnswersEhloLikeExchange2010() throws IOException {
        try (SmtpEndpoint endpoint = SmtpEndpoint.start(settings(OptionalInt.empty(), OptionalInt.empty()));
             RawSmtp client = RawSmtp.connect(endpoint)) {
            assertThat(client.reply()).containsExactly(
                    "220 EXCH01.lab.example.com Microsoft ESMTP MAIL Service ready at Thu, 26 Nov 2026 20:00:00 +0000");
            assertThat(client.send("EHLO uccx.lab.example.com")).containsExactly(
                    "250-EXCH01.lab.example.com Hello [127.0.0.1]", "250-SIZE 10485760", "250-PIPELINING", "250-DSN",
                    "250-ENHANCEDSTATUSCODES", "250-X-ANONYMOUSTLS", "250-AUTH NTLM", "250-X-EXPS GSSAPI NTLM",
                    "250-8BITMIME", "250-BINARYMIME", "250-CHUNKING", "250-XEXCH50", "250 XRDST");
            assertThat(client.send("HELO uccx")).containsExactly("250 EXCH01.lab.example.com Hello [127.0.0.1]");
            assertThat(client.send("NOOP")).containsExactly("250 2.0.0 OK");
            assertThat(client.send("VRFY administrator")).containsExactly("500 5.3.3 Unrecognized command");
            assertThat(client.send("QUIT")).containsExactly("221 2.0.0 Service closing transmission channel");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void acceptsTheLabsMailboxesOnlyAndInOrder() throws IOException {
        try (SmtpEndpoint endpoint = SmtpEndpoint.start(settings(OptionalInt.empty(), OptionalInt.empty()));
             RawSmtp client = RawSmtp.connect(endpoint)) {
            client.reply();
            assertThat(client.send("MAIL FROM:<" + MAILBOX + ">")).containsExactly("503 5.5.2 Send hello first");
            client.send("EHLO uccx");
            assertThat(client.send("RCPT TO:<" + MAILBOX + ">")).containsExactly("503 5.5.2 Need mail command");
            assertThat(client.send("MAIL FROM:<" + MAILBOX + ">")).containsExactly("250 2.1.0 Sender OK");
            assertThat(client.send("RCPT TO:<UCCX-Email@LAB.example.com>")).containsExactly("250 2.1.5 Recipient OK");
            assertThat(client.send("RCPT TO:<nobody@lab.example.com>")).containsExactly("550 5.1.1 User unknown");
            assertThat(client.send("RSET")).containsExactly("250 2.0.0 Resetting");
            // RSET forgets the sender, as Exchange does.
            assertThat(client.send("RCPT TO:<" + MAILBOX + ">")).containsExactly("503 5.5.2 Need mail command");
            assertThat(client.send("QUIT")).containsExactly("221 2.0.0 Service closing transmission channel");
            assertThat(client.closedByServer()).isTrue();
            assertThat(endpoint.journal().entries()).extracting(SmtpJournal.Entry::verb)
                    .containsExactly("MAIL", "EHLO", "RCPT", "MAIL", "RCPT", "RCPT", "RSET", "RCPT", "QUIT");
            assertThat(endpoint.journal().entries()).allMatch(e -> e.session() == 1);
            assertThat(endpoint.journal().dataAttempts()).isZero();
        }
    }

    @Test
    void refusesAndRecordsData() throws IOException {
        try (SmtpEndpoint endpoint = SmtpEndpoint.start(settings(OptionalInt.empty(), OptionalInt.empty()));
             RawSmtp client = RawSmtp.connect(endpoint)) {
            client.reply();
            client.send("EHLO uccx");
            client.send("MAIL FROM:<" + MAILBOX + ">");
            client.send("RCPT TO:<" + MAILBOX + ">");
            assertThat(client.send("DATA"))
                    .containsExactly("554 5.7.1 The lab refuses DATA: the compliance suite never delivers mail");
            assertThat(client.send("BDAT 12 LAST")).containsExactly(
                    "554 5.7.1 The lab refuses DATA: the compliance suite never delivers mail");
            client.send("QUIT");
            assertThat(endpoint.journal().dataAttempts()).isEqualTo(2);
            assertThat(endpoint.journal().dataCommands()).containsExactly(
                    new SmtpJournal.Entry(1, "DATA", ""), new SmtpJournal.Entry(1, "BDAT", "12 LAST"));
        }
    }

    @Test
    void keepsOnlyTheMechanismOfAnAuthLine() throws IOException {
        try (SmtpEndpoint endpoint = SmtpEndpoint.start(settings(OptionalInt.empty(), OptionalInt.empty()));
             RawSmtp client = RawSmtp.connect(endpoint)) {
            client.reply();
            client.send("EHLO uccx");
            assertThat(client.send("AUTH PLAIN AHVjY3gAc2VjcmV0")).containsExactly("504 5.7.4 Unrecognized authentication type");
            assertThat(endpoint.journal().entries()).last().isEqualTo(new SmtpJournal.Entry(1, "AUTH", "PLAIN"));
        }
    }

    @Test
    void thirdConcurrentConnectionFromOneSourceGets421WhenThePerSourceLimitIsTwo() throws IOException {
        try (SmtpEndpoint endpoint = SmtpEndpoint.start(settings(OptionalInt.of(2), OptionalInt.empty()))) {
            try (RawSmtp first = RawSmtp.connect(endpoint); RawSmtp second = RawSmtp.connect(endpoint)) {
                assertThat(first.reply().get(0)).startsWith("220 ");
                assertThat(second.reply().get(0)).startsWith("220 ");
                try (RawSmtp third = RawSmtp.connect(endpoint)) {
                    assertThat(third.reply()).containsExactly(LIMIT_421);
                    assertThat(third.closedByServer()).isTrue();
                }
                // A refused connection holds no slot: the two admitted sessions still work.
                assertThat(second.send("NOOP")).containsExactly("250 2.0.0 OK");
                assertThat(first.send("QUIT")).containsExactly("221 2.0.0 Service closing transmission channel");
                assertThat(first.closedByServer()).isTrue();
            }
            // Concurrent, not cumulative: once the first sessions are gone a new one is admitted. The
            // endpoint frees a slot when it notices the client has gone, as Exchange does, so wait for that.
            await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.openConnections() == 0);
            try (RawSmtp later = RawSmtp.connect(endpoint)) {
                assertThat(later.reply().get(0)).startsWith("220 ");
            }
            assertThat(endpoint.journal().sessions()).isEqualTo(3);
            assertThat(endpoint.journal().rejectedConnections()).isEqualTo(1);
        }
    }

    @Test
    void maxInboundConnectionLimitsTheConnectorAsAWhole() throws IOException {
        try (SmtpEndpoint endpoint = SmtpEndpoint.start(settings(OptionalInt.empty(), OptionalInt.of(1)));
             RawSmtp first = RawSmtp.connect(endpoint)) {
            first.reply();
            try (RawSmtp second = RawSmtp.connect(endpoint)) {
                assertThat(second.reply()).containsExactly(LIMIT_421);
                assertThat(second.closedByServer()).isTrue();
            }
            assertThat(endpoint.journal().rejectedConnections()).isEqualTo(1);
        }
    }

    @Test
    void aSilentClientIsToldAndDropped() throws IOException {
        SmtpEndpointSettings quick = settings(OptionalInt.empty(), OptionalInt.empty())
                .withConnectionInactivityTimeout(Duration.ofMillis(200));
        try (SmtpEndpoint endpoint = SmtpEndpoint.start(quick); RawSmtp client = RawSmtp.connect(endpoint)) {
            client.reply();
            assertThat(client.reply()).containsExactly("451 4.7.0 Timeout waiting for client input");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void closeDropsOpenSessionsAndStopsListening() throws IOException {
        SmtpEndpoint endpoint = SmtpEndpoint.start(settings(OptionalInt.empty(), OptionalInt.empty()));
        int port = endpoint.port();
        try (RawSmtp client = RawSmtp.connect(endpoint)) {
            client.reply();
            client.send("EHLO uccx");
            endpoint.close();
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(endpoint.isClosed()).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void refusesLimitsThatExchangeCannotHave() {
        assertThatThrownBy(() -> settings(OptionalInt.of(0), OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInboundConnectionPerSource");
        assertThatThrownBy(() -> settings(OptionalInt.empty(), OptionalInt.empty()).withConnectionInactivityTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionInactivityTimeout");
    }
}
