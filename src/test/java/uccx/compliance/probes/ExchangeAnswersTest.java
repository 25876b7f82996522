package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answers only Exchange gives, from a fake server speaking its lines. */
class ExchangeAnswersTest {

    private static final String EXCHANGE_PLAIN_LOGIN = "IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI AUTH=PLAIN IDLE NAMESPACE LITERAL+";
    private static final String EXCHANGE_SECURE_LOGIN = "IMAP4 IMAP4rev1 AUTH=NTLM AUTH=GSSAPI LOGINDISABLED STARTTLS IDLE NAMESPACE LITERAL+";

    @Test
    void aSecondLoginRefusedWhileTheFirstIsHeldIsThePerUserLimit() throws IOException {
        CredentialGuard guard = new CredentialGuard();
        try (FakeImapServer exchange = new FakeImapServer(EXCHANGE_PLAIN_LOGIN,
                n -> n == 0 ? Optional.empty() : Optional.of("AUTHENTICATE failed."))) {
            DualLoginResult result = new DualLogin(Targets.plain(exchange.port()), guard).run(Targets.credentials(Targets.PASSWORD));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(DualLoginResult.Outcome.PER_USER_LIMIT);
            assertThat(result.serverText()).isEqualTo("NO AUTHENTICATE failed.");
            assertThat(result.detail()).contains("\"NO AUTHENTICATE failed.\"");
            assertThat(result.transcript()).doesNotContain(Targets.PASSWORD).contains("* OK The Microsoft Exchange IMAP4 service is ready.");
            assertThat(exchange.connections()).isEqualTo(2);
        }
        // The password was right: the first login proved it.
        assertThat(guard.hasFailed(Targets.credentials(Targets.PASSWORD))).isFalse();
    }

    @Test
    void theLoginCommandRefusalIsQuotedToo() throws IOException {
        try (FakeImapServer exchange = new FakeImapServer("IMAP4 IMAP4rev1",
                n -> n == 0 ? Optional.empty() : Optional.of("LOGIN failed."))) {
            DualLoginResult result = new DualLogin(Targets.plain(exchange.port()), new CredentialGuard())
                    .run(Targets.credentials(Targets.PASSWORD));

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.PER_USER_LIMIT);
            assertThat(result.serverText()).isEqualTo("NO LOGIN failed.");
            assertThat(result.transcript()).doesNotContain(Targets.PASSWORD);
        }
    }

    @Test
    void serverUnavailable15IsTheStoreSessionLimit() throws IOException {
        try (FakeImapServer exchange = new FakeImapServer(EXCHANGE_PLAIN_LOGIN,
                n -> n == 0 ? Optional.empty() : Optional.of("Server Unavailable. 15"))) {
            DualLoginResult result = new DualLogin(Targets.plain(exchange.port()), new CredentialGuard())
                    .run(Targets.credentials(Targets.PASSWORD));

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.STORE_SESSION_LIMIT);
            assertThat(result.serverText()).isEqualTo("NO Server Unavailable. 15");
        }
    }

    @Test
    void capacityReportsHowManyLoggedInBeforeTheLimit() throws IOException {
        try (FakeImapServer exchange = new FakeImapServer(EXCHANGE_PLAIN_LOGIN,
                n -> n < 5 ? Optional.empty() : Optional.of("AUTHENTICATE failed."))) {
            CapacityResult result = new Capacity(Targets.plain(exchange.port()), new CredentialGuard(), 4, Duration.ofSeconds(10))
                    .run(Targets.credentials(Targets.PASSWORD), 12);

            assertThat(result.outcome()).isEqualTo(CapacityResult.Outcome.LIMIT_REACHED);
            assertThat(result.succeeded()).isEqualTo(5);
            assertThat(result.firstRejection()).contains("NO AUTHENTICATE failed.");
            assertThat(result.detail()).contains("5 of 12");
        }
    }

    @Test
    void loginDisabledWithoutStartTlsUnderSecurityNoneBlocksPlainLogin() throws IOException {
        try (FakeImapServer exchange = new FakeImapServer(EXCHANGE_SECURE_LOGIN, n -> Optional.empty())) {
            LoginMechanismResult rtm = new LoginMechanism(Targets.plain(exchange.port()), false).probe();

            assertThat(rtm.outcome()).isEqualTo(LoginMechanismResult.Outcome.NO_USABLE_LOGIN);
            assertThat(rtm.greeting()).isEqualTo(FakeImapServer.GREETING);
            assertThat(rtm.capabilitiesBefore()).contains("LOGINDISABLED", "STARTTLS", "AUTH=NTLM");
            assertThat(rtm.detail()).contains("LOGINDISABLED without STARTTLS under security: none blocks plain LOGIN")
                    .contains("Exchange 2010 RTM has no IMAP NTLM");

            LoginMechanismResult sp1 = new LoginMechanism(Targets.plain(exchange.port()), true).probe();
            assertThat(sp1.outcome()).isEqualTo(LoginMechanismResult.Outcome.USABLE_LOGIN_OFFERED);
            assertThat(sp1.usableLogins()).containsExactly("AUTHENTICATE NTLM");
        }
    }
}
