package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import uccx.compliance.lab.imap.ImapEndpoint;
import uccx.compliance.lab.imap.ImapFault;
import uccx.compliance.lab.imap.LoginType;

/**
 * At most one wrong password per run, whatever the server does: it refuses only after some sessions
 * succeeded, it drops the connection once the password arrived, or two probes log in at once; and
 * none at all once an earlier run saw the password refused.
 */
class AccountSafetyProbesTest {

    private final LabImap lab = new LabImap();

    private ImapEndpoint start(ImapFault fault) throws IOException {
        return ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 400, 400).withFault(fault));
    }

    @Test
    void capacityWithSixteenInFlightStopsAtTheFirstRefusalAfterSomeSessionsSucceeded() throws IOException {
        CredentialGuard guard = new CredentialGuard();
        UccxCredentials right = Targets.credentials(Targets.PASSWORD);
        try (ImapEndpoint exchange = start(ImapFault.refuseLoginFrom(6))) {
            CapacityResult result = new Capacity(Targets.plain(exchange.port()), guard, Capacity.LOGINS_IN_FLIGHT, Duration.ofSeconds(20))
                    .run(right, 80);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(CapacityResult.Outcome.LIMIT_REACHED);
            assertThat(result.succeeded()).isEqualTo(5);
            assertThat(result.detail()).contains("5 of 80", "no further login was sent");
            // The server refused from the sixth login on: exactly one refusal reached it, not one per thread in flight.
            assertThat(exchange.journal().failedLogins()).isEqualTo(1);
            assertThat(exchange.journal().loginsReceived()).isEqualTo(6);
        }
        // Refused after the password had been accepted: stopped for the run, but not a refused password.
        assertThat(guard.standing(right).state()).isEqualTo(CredentialGuard.State.ACCEPTED);
        assertThat(guard.withheld(right)).isPresent();
    }

    @Test
    void aPasswordRefusedFromTheFirstLoginOnCostsOneFailureAcrossAllProbes() throws IOException {
        CredentialGuard guard = new CredentialGuard();
        UccxCredentials right = Targets.credentials(Targets.PASSWORD);
        try (ImapEndpoint exchange = start(ImapFault.refuseLoginFrom(1))) {
            MailTarget target = Targets.plain(exchange.port());
            assertThat(new DualLogin(target, guard).run(right).outcome()).isEqualTo(DualLoginResult.Outcome.CREDENTIALS_REJECTED);
            assertThat(new Capacity(target, guard, 16, Duration.ofSeconds(5)).run(right, 40).outcome())
                    .isEqualTo(CapacityResult.Outcome.SKIPPED_PASSWORD_ALREADY_FAILED);
            assertThat(exchange.journal().loginsReceived()).isEqualTo(1);
            assertThat(exchange.journal().failedLogins()).isEqualTo(1);
        }
        assertThat(guard.standing(right)).isEqualTo(new CredentialGuard.Standing(CredentialGuard.State.REFUSED, Optional.of("this run")));
    }

    @Test
    void aConnectionDroppedAfterThePasswordLeftIsNotFollowedByAnotherLogin() throws IOException {
        CredentialGuard guard = new CredentialGuard();
        UccxCredentials right = Targets.credentials(Targets.PASSWORD);
        try (ImapEndpoint exchange = start(ImapFault.DROP_AFTER_LOGIN)) {
            MailTarget target = Targets.plain(exchange.port());
            DualLoginResult dual = new DualLogin(target, guard).run(right);
            CapacityResult capacity = new Capacity(target, guard, 16, Duration.ofSeconds(5)).run(right, 40);

            assertThat(dual.outcome()).as(dual.detail()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
            assertThat(dual.detail()).contains("closed the connection");
            assertThat(capacity.outcome()).isEqualTo(CapacityResult.Outcome.SKIPPED_PASSWORD_ALREADY_FAILED);
            assertThat(capacity.detail()).contains("no answer after the password was sent");
            assertThat(exchange.journal().loginsReceived()).isEqualTo(1);
            assertThat(exchange.journal().failedLogins()).isZero();
        }
        assertThat(guard.standing(right).state()).isEqualTo(CredentialGuard.State.UNANSWERED);
    }

    @Test
    void aWrongPasswordDroppedAfterLoginStillCountsOnceAtTheServer() throws IOException {
        CredentialGuard guard = new CredentialGuard();
        UccxCredentials wrong = Targets.credentials("Wr0ng-Passw0rd");
        try (ImapEndpoint exchange = start(ImapFault.DROP_AFTER_LOGIN)) {
            MailTarget target = Targets.plain(exchange.port());
            new DualLogin(target, guard).run(wrong);
            new Capacity(target, guard, 16, Duration.ofSeconds(5)).run(wrong, 40);
            new DualLogin(target, guard).run(wrong);

            assertThat(exchange.journal().failedLogins()).isEqualTo(1);
            assertThat(exchange.journal().loginsReceived()).isEqualTo(1);
        }
    }

    @Test
    void twoProbesStartingAtOnceWithAWrongPasswordSendItOnce() throws Exception {
        UccxCredentials wrong = Targets.credentials("Wr0ng-Passw0rd");
        for (int round = 0; round < 5; round++) {
            CredentialGuard guard = new CredentialGuard();
            try (ImapEndpoint exchange = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 400, 400)
                    .withLoginLatency(Duration.ofMillis(50)))) {
                MailTarget target = Targets.plain(exchange.port());
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<DualLoginResult> dual = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return new DualLogin(target, guard).run(wrong);
                });
                CompletableFuture<CapacityResult> capacity = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return new Capacity(target, guard, 16, Duration.ofSeconds(10)).run(wrong, 40);
                });
                go.countDown();
                dual.get();
                capacity.get();

                assertThat(exchange.journal().failedLogins()).as("round " + round).isEqualTo(1);
                assertThat(exchange.journal().loginsReceived()).as("round " + round).isEqualTo(1);
            }
        }
    }

    @Test
    void aPasswordRefusedInAnEarlierRunIsNotSentAtAll() throws IOException {
        UccxCredentials wrong = Targets.credentials("Wr0ng-Passw0rd");
        UccxCredentials changed = Targets.credentials(Targets.PASSWORD);
        RefusalMemory memory = new RefusalMemory() {
            @Override
            public Optional<String> refusedIn(UccxCredentials credentials) {
                return credentials.equals(wrong) ? Optional.of("20261128T021500Z") : Optional.empty();
            }

            @Override
            public void remember(UccxCredentials credentials, String runId) {
                throw new AssertionError("nothing is refused in this run");
            }
        };
        try (ImapEndpoint exchange = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 400, 400))) {
            MailTarget target = Targets.plain(exchange.port());
            CredentialGuard guard = new CredentialGuard("20261203T021500Z", memory);
            DualLoginResult result = new DualLogin(target, guard).run(wrong);

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.REFUSED_IN_EARLIER_RUN);
            assertThat(result.detail()).contains("refused in run 20261128T021500Z; not tried again until the password changes");
            assertThat(new Capacity(target, guard, 16, Duration.ofSeconds(5)).run(wrong, 8).outcome())
                    .isEqualTo(CapacityResult.Outcome.SKIPPED_PASSWORD_ALREADY_FAILED);
            assertThat(LabImap.sessionsSeen(exchange)).isZero();
            assertThat(guard.standing(wrong))
                    .isEqualTo(new CredentialGuard.Standing(CredentialGuard.State.REFUSED_EARLIER, Optional.of("20261128T021500Z")));

            // The password changed: it is tried.
            CredentialGuard next = new CredentialGuard("20261204T021500Z", memory);
            assertThat(new DualLogin(target, next).run(changed).outcome()).isEqualTo(DualLoginResult.Outcome.BOTH_LOGGED_IN);
            assertThat(next.standing(changed))
                    .isEqualTo(new CredentialGuard.Standing(CredentialGuard.State.ACCEPTED, Optional.of("20261204T021500Z")));
        }
    }

    @Test
    void anUnreadableMemorySendsNoPassword() throws IOException {
        RefusalMemory unreadable = new RefusalMemory() {
            @Override
            public Optional<String> refusedIn(UccxCredentials credentials) {
                throw new AssertionError("an unreadable memory is not asked");
            }

            @Override
            public void remember(UccxCredentials credentials, String runId) {
                throw new AssertionError("nothing is sent, so nothing is refused");
            }

            @Override
            public Optional<String> unreadable() {
                return Optional.of("reports/site/refused-credentials.json could not be read");
            }
        };
        try (ImapEndpoint exchange = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 400, 400))) {
            CredentialGuard guard = new CredentialGuard("20261203T021500Z", unreadable);
            DualLoginResult result = new DualLogin(Targets.plain(exchange.port()), guard).run(Targets.credentials(Targets.PASSWORD));

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.SKIPPED_PASSWORD_ALREADY_FAILED);
            assertThat(result.detail()).contains("could not be read", "not sent");
            assertThat(LabImap.sessionsSeen(exchange)).isZero();
            assertThat(guard.standing(Targets.credentials(Targets.PASSWORD)).state()).isEqualTo(CredentialGuard.State.NOT_TRIED);
        }
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
