package uccx.compliance.lab.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The endpoint's exact wire text, with a raw socket: what Exchange 2010 says, the lab says. */
class ImapEndpointWireTest {

    private static final String GREETING = "* OK The Microsoft Exchange IMAP4 service is ready.";
    private final ImapLab lab = new ImapLab();

    @Test
    void plainTextLoginGreetsAndAdvertisesPlainAndStartTls() throws IOException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 16, 16));
             RawImap client = RawImap.connect(endpoint.port())) {
            assertThat(client.line()).isEqualTo(GREETING);
            assertThat(client.command("a1", "CAPABILITY")).containsExactly(
                    "* CAPABILITY IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI AUTH=PLAIN STARTTLS IDLE NAMESPACE LITERAL+",
                    "a1 OK CAPABILITY completed.");
            assertThat(client.tagged("a2", "LOGIN \"LAB\\\\uccx-email\" \"" + ImapLab.PASSWORD + "\"")).isEqualTo("a2 OK LOGIN completed.");
            assertThat(client.command("a3", "LOGOUT")).containsExactly(
                    "* BYE Microsoft Exchange Server 2010 IMAP4 server signing off.", "a3 OK LOGOUT completed.");
            assertThat(client.line()).isNull();
        }
    }

    @Test
    void rtmOffersNoNtlm() throws IOException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 16, 16).withNtlm(false));
             RawImap client = RawImap.connect(endpoint.port())) {
            client.line();
            assertThat(client.command("a1", "CAPABILITY").get(0))
                    .isEqualTo("* CAPABILITY IMAP4 IMAP4rev1 AUTH=GSSAPI AUTH=PLAIN STARTTLS IDLE NAMESPACE LITERAL+");
        }
    }

    @Test
    void secureLoginDisablesLoginUntilStartTls() throws IOException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.SecureLogin, 16, 16));
             RawImap client = RawImap.connect(endpoint.port())) {
            client.line();
            assertThat(client.command("a1", "CAPABILITY").get(0))
                    .isEqualTo("* CAPABILITY IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI LOGINDISABLED STARTTLS IDLE NAMESPACE LITERAL+");
            assertThat(client.tagged("a2", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("a2 BAD Command Argument Error. 12");
            assertThat(client.tagged("a3", "AUTHENTICATE PLAIN " + ImapLab.plain("uccx-email", ImapLab.PASSWORD)))
                    .isEqualTo("a3 BAD Command Argument Error. 12");
            assertThat(client.tagged("a4", "STARTTLS")).isEqualTo("a4 OK Begin TLS negotiation now.");
            client.startTls(lab.clientContext());
            assertThat(client.command("a5", "CAPABILITY").get(0))
                    .isEqualTo("* CAPABILITY IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI AUTH=PLAIN IDLE NAMESPACE LITERAL+");
            assertThat(client.tagged("a6", "STARTTLS")).isEqualTo("a6 BAD Command received in Invalid state.");
            assertThat(client.tagged("a7", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("a7 OK LOGIN completed.");
            assertThat(endpoint.journal().entries()).extracting(ImapJournal.Entry::arguments).doNotHave(
                    new org.assertj.core.api.Condition<>(a -> a.contains(ImapLab.PASSWORD), "the password"));
        }
    }

    @Test
    void wrongPasswordIsLoginFailedAndCounted() throws IOException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 16, 16));
             RawImap client = RawImap.connect(endpoint.port())) {
            client.line();
            assertThat(client.tagged("a1", "LOGIN uccx-email wrong")).isEqualTo("a1 NO LOGIN failed.");
            assertThat(client.tagged("a2", "AUTHENTICATE PLAIN " + ImapLab.plain("uccx-email", "wrong")))
                    .isEqualTo("a2 NO AUTHENTICATE failed.");
            assertThat(endpoint.journal().failedLogins()).isEqualTo(2);
            assertThat(endpoint.journal().successfulLogins()).isZero();
            assertThat(endpoint.journal().entries()).extracting(ImapJournal.Entry::arguments)
                    .containsExactly("uccx-email " + ImapJournal.REDACTED, "PLAIN " + ImapJournal.REDACTED);
        }
    }

    @Test
    void pastMaxConnectionsPerUserTheRightPasswordLooksWrong() throws IOException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 1, 16));
             RawImap first = RawImap.connect(endpoint.port());
             RawImap second = RawImap.connect(endpoint.port())) {
            first.line();
            second.line();
            assertThat(first.tagged("a1", "LOGIN uccx-email@lab.example.com " + ImapLab.PASSWORD)).isEqualTo("a1 OK LOGIN completed.");
            // another spelling of the same account is the same user
            assertThat(second.tagged("b1", "LOGIN LAB\\uccx-email " + ImapLab.PASSWORD)).isEqualTo("b1 NO LOGIN failed.");
            second.send("b2 AUTHENTICATE PLAIN");
            assertThat(second.line()).isEqualTo("+ ");
            second.send(ImapLab.plain("uccx-email", ImapLab.PASSWORD));
            assertThat(second.untilTagged("b2")).containsExactly("b2 NO AUTHENTICATE failed.");
            assertThat(endpoint.journal().failedLogins()).isZero();
            assertThat(endpoint.journal().peakSessions(ImapLab.ACCOUNT)).isEqualTo(1);
        }
    }

    @Test
    void pastTheStoreLimitTheServerIsUnavailable() throws IOException {
        ImapEndpointSettings settings = lab.settings(LoginType.PlainTextLogin, 10, 2);
        try (ImapEndpoint endpoint = ImapEndpoint.start(settings);
             RawImap one = RawImap.connect(endpoint.port());
             RawImap two = RawImap.connect(endpoint.port());
             RawImap three = RawImap.connect(endpoint.port())) {
            for (RawImap client : List.of(one, two, three)) {
                client.line();
            }
            assertThat(one.tagged("a", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("a OK LOGIN completed.");
            assertThat(two.tagged("b", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("b OK LOGIN completed.");
            assertThat(three.tagged("c", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("c NO Server Unavailable. 15");
            assertThat(settings.storeSessions().openSessions(ImapLab.ACCOUNT)).isEqualTo(2);
            assertThat(endpoint.sessionsOf(ImapLab.ACCOUNT)).isEqualTo(2);
        }
    }

    @Test
    void theStoreLimitSpansEndpoints() throws IOException {
        ImapEndpointSettings first = lab.settings(LoginType.PlainTextLogin, 10, 1);
        ImapEndpointSettings second = ImapEndpointSettings.exchange2010("EXCH02", first.storeSessions(), ImapLab.CREDENTIALS,
                first.sslContext()).withLoginType(LoginType.PlainTextLogin);
        try (ImapEndpoint exch01 = ImapEndpoint.start(first);
             ImapEndpoint exch02 = ImapEndpoint.start(second);
             RawImap one = RawImap.connect(exch01.port());
             RawImap two = RawImap.connect(exch02.port())) {
            one.line();
            two.line();
            assertThat(one.tagged("a", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("a OK LOGIN completed.");
            assertThat(two.tagged("b", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("b NO Server Unavailable. 15");
        }
    }

    @Test
    void literalsAndLiteralPlus() throws IOException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 16, 16));
             RawImap client = RawImap.connect(endpoint.port())) {
            client.line();
            client.send("a1 LOGIN {14}");
            assertThat(client.line()).isEqualTo("+ Ready for additional command text.");
            client.send("LAB\\uccx-email {" + ImapLab.PASSWORD.length() + "}");
            assertThat(client.line()).isEqualTo("+ Ready for additional command text.");
            client.send(ImapLab.PASSWORD);
            assertThat(client.untilTagged("a1")).containsExactly("a1 OK LOGIN completed.");
        }
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 16, 16));
             RawImap client = RawImap.connect(endpoint.port())) {
            client.line();
            client.send("a1 LOGIN {10+}");
            client.send("uccx-email {" + ImapLab.PASSWORD.length() + "+}");
            client.send(ImapLab.PASSWORD);
            assertThat(client.untilTagged("a1")).containsExactly("a1 OK LOGIN completed.");
        }
    }

    @Test
    void examineIsReadOnlyAndSelectIsRecordedAsAWrite() throws IOException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 16, 16).withInbox(new Inbox(4)));
             RawImap client = RawImap.connect(endpoint.port())) {
            client.line();
            assertThat(client.tagged("a0", "EXAMINE INBOX")).isEqualTo("a0 BAD Command received in Invalid state.");
            client.command("a1", "AUTHENTICATE PLAIN " + ImapLab.plain("uccx-email", ImapLab.PASSWORD));
            assertThat(client.command("a2", "LIST \"\" *")).containsExactly("* LIST (\\HasNoChildren) \"/\" INBOX", "a2 OK LIST completed.");
            assertThat(client.command("a3", "STATUS INBOX (MESSAGES UNSEEN)"))
                    .containsExactly("* STATUS INBOX (MESSAGES 4 UNSEEN 0)", "a3 OK STATUS completed.");
            List<String> examine = client.command("a4", "EXAMINE INBOX");
            assertThat(examine).contains("* 4 EXISTS", "* 0 RECENT").last().isEqualTo("a4 OK [READ-ONLY] EXAMINE completed.");
            assertThat(examine).anyMatch(l -> l.startsWith("* FLAGS ("));
            assertThat(endpoint.journal().writes()).isEmpty();
            assertThat(client.tagged("a5", "FETCH 1 BODY[]")).isEqualTo("a5 BAD Command Argument Error. 11");
            assertThat(client.tagged("a6", "SELECT INBOX")).isEqualTo("a6 OK [READ-WRITE] SELECT completed.");
            assertThat(client.tagged("a7", "EXPUNGE")).isEqualTo("a7 BAD Command Argument Error. 11");
            assertThat(endpoint.journal().writes()).extracting(ImapJournal.Entry::command).containsExactly("SELECT", "EXPUNGE");
            assertThat(endpoint.journal().entries()).extracting(ImapJournal.Entry::command)
                    .containsExactly("EXAMINE", "AUTHENTICATE", "LIST", "STATUS", "EXAMINE", "FETCH", "SELECT", "EXPUNGE");
        }
    }

    @Test
    void sessionsAreReleasedAfterLogoutAndAfterAnAbruptDisconnect() throws IOException {
        ImapEndpointSettings settings = lab.settings(LoginType.PlainTextLogin, 1, 1);
        try (ImapEndpoint endpoint = ImapEndpoint.start(settings)) {
            try (RawImap client = RawImap.connect(endpoint.port())) {
                client.line();
                assertThat(client.tagged("a", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("a OK LOGIN completed.");
                client.command("b", "LOGOUT");
            }
            await().atMost(Duration.ofSeconds(3)).until(() -> endpoint.sessionsOf(ImapLab.ACCOUNT) == 0 && endpoint.connections() == 0);
            assertThat(settings.storeSessions().openSessions(ImapLab.ACCOUNT)).isZero();

            RawImap dropped = RawImap.connect(endpoint.port());
            dropped.line();
            assertThat(dropped.tagged("a", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("a OK LOGIN completed.");
            dropped.close();
            await().atMost(Duration.ofSeconds(3)).until(() -> settings.storeSessions().openSessions(ImapLab.ACCOUNT) == 0
                    && endpoint.sessionsOf(ImapLab.ACCOUNT) == 0 && endpoint.connections() == 0);

            try (RawImap again = RawImap.connect(endpoint.port())) {
                again.line();
                assertThat(again.tagged("a", "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo("a OK LOGIN completed.");
            }
        }
    }

    @Test
    void pastMaxConnectionFromSingleIpTheConnectionIsRefused() throws IOException {
        ImapEndpointSettings settings = lab.settings(LoginType.PlainTextLogin, 16, 16)
                .withLimits(OptionalInt.of(16), OptionalInt.of(1), OptionalInt.empty());
        try (ImapEndpoint endpoint = ImapEndpoint.start(settings);
             RawImap first = RawImap.connect(endpoint.port());
             RawImap second = RawImap.connect(endpoint.port())) {
            assertThat(first.line()).isEqualTo(GREETING);
            assertThat(second.line()).isEqualTo("* BYE Connection refused");
            assertThat(second.line()).isNull();
        }
    }

    @Test
    void pastMaxConnectionsTheConnectionIsRefused() throws IOException {
        ImapEndpointSettings settings = lab.settings(LoginType.PlainTextLogin, 16, 16)
                .withLimits(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(1));
        try (ImapEndpoint endpoint = ImapEndpoint.start(settings);
             RawImap first = RawImap.connect(endpoint.port());
             RawImap second = RawImap.connect(endpoint.port())) {
            assertThat(first.line()).isEqualTo(GREETING);
            assertThat(second.line()).isEqualTo("* BYE Connection refused");
        }
    }

    @Test
    void anIdleClientIsDisconnected() throws IOException {
        ImapEndpointSettings settings = lab.settings(LoginType.PlainTextLogin, 16, 16).withIdleTimeout(Duration.ofMillis(200));
        try (ImapEndpoint endpoint = ImapEndpoint.start(settings);
             RawImap client = RawImap.connect(endpoint.port())) {
            client.line();
            assertThat(client.line()).isEqualTo("* BYE Connection is closed. 13");
            assertThat(client.line()).isNull();
        }
    }

    @Test
    void implicitTlsGreetsInsideTls() throws IOException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.SecureLogin, 16, 16).withImplicitTls(true));
             RawImap client = RawImap.connect(endpoint.port())) {
            client.startTls(lab.clientContext());
            assertThat(client.line()).isEqualTo(GREETING);
            assertThat(client.command("a1", "CAPABILITY").get(0))
                    .isEqualTo("* CAPABILITY IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI AUTH=PLAIN IDLE NAMESPACE LITERAL+");
        }
    }

    @Test
    void holds242ConcurrentSessions() throws Exception {
        int sessions = 242; // two per agent desktop and two for UCCX itself, 120 agents
        ImapEndpointSettings settings = lab.settings(LoginType.PlainTextLogin, 2400, 2400);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<RawImap> connected = new ArrayList<>();
        try (ImapEndpoint endpoint = ImapEndpoint.start(settings)) {
            List<Future<RawImap>> logins = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                String tag = "s" + i;
                logins.add(clients.submit(() -> {
                    RawImap client = RawImap.connect(endpoint.port());
                    client.line();
                    assertThat(client.tagged(tag, "LOGIN uccx-email " + ImapLab.PASSWORD)).isEqualTo(tag + " OK LOGIN completed.");
                    return client;
                }));
            }
            for (Future<RawImap> login : logins) {
                connected.add(login.get(10, TimeUnit.SECONDS));
            }
            assertThat(endpoint.sessionsOf(ImapLab.ACCOUNT)).isEqualTo(sessions);
            assertThat(endpoint.journal().peakSessions(ImapLab.ACCOUNT)).isEqualTo(sessions);
            assertThat(endpoint.journal().successfulLogins()).isEqualTo(sessions);
            assertThat(settings.storeSessions().openSessions(ImapLab.ACCOUNT)).isEqualTo(sessions);
        } finally {
            for (RawImap client : connected) {
                client.close();
            }
            clients.shutdownNow();
        }
    }

    @Test
    void closeStopsEverySession() throws IOException {
        ImapEndpointSettings settings = lab.settings(LoginType.PlainTextLogin, 16, 16);
        ImapEndpoint endpoint = ImapEndpoint.start(settings);
        try (RawImap client = RawImap.connect(endpoint.port())) {
            client.line();
            client.tagged("a", "LOGIN uccx-email " + ImapLab.PASSWORD);
            endpoint.close();
            assertThat(client.line()).isNull();
            assertThat(settings.storeSessions().openSessions(ImapLab.ACCOUNT)).isZero();
        }
    }
}
