package uccx.compliance.controls;

import java.time.Duration;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.Fact;

import uccx.compliance.probes.Capacity;
import uccx.compliance.probes.CapacityResult;
import uccx.compliance.probes.DualLogin;
import uccx.compliance.probes.DualLoginResult;
import uccx.compliance.probes.LoginMechanism;
import uccx.compliance.probes.LoginMechanismResult;
import uccx.compliance.probes.MailTarget;
import uccx.compliance.probes.Reach;
import uccx.compliance.probes.SmtpPath;
import uccx.compliance.probes.SmtpResult;
import uccx.compliance.probes.TcpReach;
import uccx.compliance.run.RunContext;
import uccx.compliance.run.ControlRun;
import uccx.compliance.run.ControlTargets;
import uccx.compliance.run.ChecklistControls;

/**
 * What Exchange actually does for the UCCX account, not what it says it is configured to do: the
 * Cisco document's telnet test and packet capture, turned into a diagnosis. Read-only and bounded:
 * folders are opened with EXAMINE, SMTP ends with RSET and QUIT and never sends DATA, and a
 * password refused once is never tried again in the run. They run first, while the run's one
 * collection is still under way (it starts when the run opens), so that their logins and
 * Exchange's answering overlap; a refusal is still explained with the settings collected in the
 * same run, waiting for the collection if need be.
 */
@ChecklistControls
@Tag("live")
@Order(Integer.MIN_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveControls {

    /** The target of every live control when a saved snapshot is replayed: there is no server to probe. */
    private static final String OFFLINE = "offline replay";

    private static void requireNetwork(RunContext run) {
        Assumptions.assumeFalse(run.isReplay(), "not-applicable: replaying a saved snapshot, with no network");
    }

    static Stream<Named<String>> net01(RunContext run) {
        return targets(Control.NET_01, run, () -> List.of("IMAP " + run.imapName(), "SMTP " + run.smtpName()));
    }

    static Stream<Named<String>> live01(RunContext run) {
        return targets(Control.LIVE_01, run, () -> List.of(run.imapName()));
    }

    static Stream<Named<String>> live02(RunContext run) {
        return targets(Control.LIVE_02, run, () -> List.of(run.imapName()));
    }

    static Stream<Named<String>> live03(RunContext run) {
        return targets(Control.LIVE_03, run, () -> List.of(run.smtpName()));
    }

    static Stream<Named<String>> live04(RunContext run) {
        return targets(Control.LIVE_04, run, () -> List.of(run.imapName()));
    }

    /** A replayed snapshot has no server to probe (nor names one): one target, which the test finds not applicable. */
    private static Stream<Named<String>> targets(Control control, RunContext run, java.util.function.Supplier<List<String>> live) {
        return ControlTargets.of(control, run.isReplay() ? List.of(OFFLINE) : live.get());
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("net01")
    void portReachable(String target, RunContext run, ControlRun control) {
        ControlFindings findings = control.check(Control.NET_01, target);
        requireNetwork(run);
        MailTarget mail = target.startsWith("IMAP") ? run.imapTarget() : run.smtpTarget();
        Reach reach = TcpReach.probe(mail.host(), mail.port(), mail.connectTimeout());
        findings.observe(mail.describe() + (reach.reached() ? " reached in " + reach.took().toMillis() + " ms" : " not reached"));
        findings.transcript("TCP", "connect " + mail.host() + ":" + mail.port() + " (timeout " + mail.connectTimeout().toSeconds() + " s): "
                + (reach.reached() ? "connected in " + reach.took().toMillis() + " ms, closed without a word" : reach.failure()
                + " after " + reach.took().toMillis() + " ms"));
        if (reach.reached()) {
            findings.complies("TCP connect to " + mail.host() + ":" + mail.port(), "a connection within " + mail.connectTimeout().toSeconds()
                    + " s", "connected in " + reach.took().toMillis() + " ms");
        } else {
            findings.collectAssertionError(new SettingViolation("TCP connect to " + mail.host() + ":" + mail.port(),
                    "a connection within " + mail.connectTimeout().toSeconds() + " s",
                    reach.failure() + " after " + reach.took().toMillis() + " ms", Optional.empty()));
        }
        findings.conclude(v -> "# check the address and port in the environment file, the Exchange service (MSExchangeIMAP4 or "
                + "MSExchangeTransport) and every firewall between this runner and " + mail.host());
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("live01")
    void dualLogin(String target, RunContext run, ControlRun control) {
        ControlFindings findings = control.check(Control.LIVE_01, target);
        requireNetwork(run);
        DualLoginResult result = new DualLogin(run.imapTarget(), run.credentialGuard()).run(run.uccxCredentials());
        findings.transcript("IMAP", result.transcript());
        findings.observe(result.outcome() + ": " + result.detail());
        String expected = "both sessions logged in and opened INBOX read-only";
        switch (result.outcome()) {
            case BOTH_LOGGED_IN -> findings.complies("two concurrent IMAP logins of " + run.uccxCredentials().account(), expected,
                    result.detail());
            case CREDENTIALS_REJECTED -> findings.collectAssertionError(new SettingViolation("first IMAP login of "
                    + run.uccxCredentials().account(), expected, "refused (" + result.serverText() + "): the credentials or the "
                    + "account are wrong; this password is not tried again in this run, so that Active Directory does not lock the account",
                    Optional.empty()));
            case PER_USER_LIMIT -> findings.collectAssertionError(new SettingViolation("second concurrent IMAP login", expected,
                    "the first login was accepted and the second refused with '" + result.serverText() + "': the password is right and a "
                            + "per-user limit is hit; it is governed by IMAP-01 MaxConnectionsPerUser" + collectedPerUser(run)
                            + " and THR-02 IMAPMaxConcurrency" + collectedConcurrency(run), Optional.empty()));
            case STORE_SESSION_LIMIT -> findings.collectAssertionError(new SettingViolation("IMAP login", expected,
                    "'" + result.serverText() + "': the Mailbox server's store refused another service session for this user; see IMAP-02 "
                            + "(Maximum Allowed Service Sessions Per User" + collectedStoreLimit(run) + ") and event 9646 (IMAP-03)",
                    Optional.empty()));
            case SKIPPED_PASSWORD_ALREADY_FAILED, COULD_NOT_VERIFY -> throw new IllegalStateException("could not verify: "
                    + result.detail());
        }
        findings.conclude(v -> switch (result.outcome()) {
            case CREDENTIALS_REJECTED -> "# check uccx.account and the password in the environment, and that the account is not locked";
            case STORE_SESSION_LIMIT -> "# raise 'Maximum Allowed Service Sessions Per User' (IMAP-02) and restart the Information Store";
            default -> "# raise MaxConnectionsPerUser (Set-ImapSettings, IMAP-01) and leave IMAPMaxConcurrency $null in the UCCX "
                    + "throttling policy (THR-02)";
        });
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @MethodSource("live02")
    void capacity(String target, RunContext run, ControlRun control) {
        ControlFindings findings = control.check(Control.LIVE_02, target);
        requireNetwork(run);
        Assumptions.assumeTrue(run.environment().probes().capacity(),
                "not-applicable: the capacity probe is off in this environment (probes.capacity: false)");
        int sessions = run.environment().uccx().imapConnectionsNeeded();
        CapacityResult result = new Capacity(run.imapTarget(), run.credentialGuard(), Capacity.LOGINS_IN_FLIGHT, Duration.ofSeconds(60))
                .run(run.uccxCredentials(), sessions);
        run.measure("capacityMillis", result.took().toMillis());
        run.measure("capacitySessions", result.succeeded() + " of " + result.wanted());
        findings.observe(result.succeeded() + " of " + result.wanted() + " sessions held at once in " + result.took().toMillis() + " ms");
        findings.transcript("IMAP", "wanted " + result.wanted() + " concurrent sessions of " + run.uccxCredentials().account()
                + " (password redacted)\nlogged in " + result.succeeded() + ", every one logged out\ntook " + result.took().toMillis() + " ms\n"
                + result.firstRejection().map(r -> "first rejection: " + r + "\n").orElse("") + result.detail());
        switch (result.outcome()) {
            case ALL_LOGGED_IN -> findings.complies("concurrent IMAP sessions of " + run.uccxCredentials().account(),
                    result.wanted() + " (2 x (" + run.environment().uccx().agents() + " agents + 1))",
                    result.succeeded() + " in " + result.took().toMillis() + " ms");
            case LIMIT_REACHED, DEADLINE_PASSED, CREDENTIALS_REJECTED -> findings.collectAssertionError(new SettingViolation(
                    "concurrent IMAP sessions of " + run.uccxCredentials().account(),
                    result.wanted() + " (2 x (" + run.environment().uccx().agents() + " agents + 1))",
                    result.succeeded() + " in " + result.took().toMillis() + " ms; " + result.detail()
                            + result.firstRejection().map(r -> "; first rejection: '" + r + "'").orElse(""), Optional.empty()));
            case SKIPPED_PASSWORD_ALREADY_FAILED, COULD_NOT_VERIFY -> throw new IllegalStateException("could not verify: "
                    + result.detail());
        }
        findings.conclude(v -> "# raise MaxConnectionsPerUser (IMAP-01), the store's service sessions per user (IMAP-02) and keep "
                + "IMAPMaxConcurrency $null (THR-02) to at least " + sessions);
    }

    @Order(4)
    @ParameterizedTest(name = "{0}")
    @MethodSource("live03")
    void smtpPath(String target, RunContext run, ControlRun control) {
        ControlFindings findings = control.check(Control.LIVE_03, target);
        requireNetwork(run);
        String mailbox = run.environment().uccx().mailbox();
        SmtpResult result = new SmtpPath(run.smtpTarget(), "uccx-compliance").probe(mailbox);
        String replies = result.replies().stream().map(r -> r.command() + " " + r.code()).collect(Collectors.joining(", "));
        findings.observe("banner '" + result.banner() + "'; EHLO " + result.extensions() + "; " + replies);
        findings.transcript("SMTP", "S: " + result.banner() + "\n" + (result.extensions().isEmpty() ? ""
                : "S: EHLO extensions " + String.join(" ", result.extensions()) + "\n")
                + result.replies().stream().map(r -> "C: " + r.command() + "\nS: " + r.code() + " " + r.reply())
                .collect(Collectors.joining("\n")));
        switch (result.outcome()) {
            case RECIPIENT_ACCEPTED -> findings.complies("RCPT TO:<" + mailbox + ">", "250 after EHLO and MAIL FROM", replies);
            case REFUSED -> findings.collectAssertionError(new SettingViolation("RCPT TO:<" + mailbox + ">",
                    "250 after EHLO and MAIL FROM", result.detail() + " (" + replies + ")", Optional.empty()));
            case COULD_NOT_VERIFY -> throw new IllegalStateException("could not verify: " + result.detail());
        }
        findings.conclude(v -> "# check that " + mailbox + " exists and that the receive connector in front of " + target
                + " accepts mail for it (Get-ReceiveConnector, Get-Mailbox)");
    }

    @Order(5)
    @ParameterizedTest(name = "{0}")
    @MethodSource("live04")
    void loginMechanism(String target, RunContext run, ControlRun control) {
        ControlFindings findings = control.check(Control.LIVE_04, target);
        requireNetwork(run);
        MailTarget imap = run.imapTarget();
        LoginMechanismResult result = new LoginMechanism(imap, run.environment().exchange().version().hasCpaBudgets()).probe();
        findings.observe("security " + imap.security() + "; CAPABILITY " + result.capabilitiesBefore()
                + (result.capabilitiesAfterTls().isEmpty() ? "" : "; after STARTTLS " + result.capabilitiesAfterTls())
                + "; usable " + result.usableLogins());
        findings.transcript("IMAP", "S: " + result.greeting() + "\nC: CAPABILITY\nS: * CAPABILITY " + String.join(" ", result.capabilitiesBefore())
                + (result.capabilitiesAfterTls().isEmpty() ? "" : "\nC: STARTTLS (TLS established)\nC: CAPABILITY\nS: * CAPABILITY "
                + String.join(" ", result.capabilitiesAfterTls())));
        switch (result.outcome()) {
            case USABLE_LOGIN_OFFERED -> findings.complies("IMAP login mechanisms on " + target + " with security " + imap.security(),
                    "LOGIN or AUTHENTICATE PLAIN usable", String.join(", ", result.usableLogins()));
            case NO_USABLE_LOGIN -> findings.collectAssertionError(new SettingViolation("IMAP login mechanisms on " + target
                    + " with security " + imap.security(), "LOGIN or AUTHENTICATE PLAIN usable",
                    result.detail() + " (CAPABILITY " + String.join(" ", result.capabilitiesBefore()) + ")", Optional.empty()));
            case COULD_NOT_VERIFY -> throw new IllegalStateException("could not verify: " + result.detail());
        }
        findings.conclude(v -> "# use imap.security: starttls (and TLS in UCCX), or on each Client Access server "
                + "Set-ImapSettings -LoginType PlainTextLogin and restart the IMAP4 service");
    }

    private static String collectedPerUser(RunContext run) {
        return run.snapshotIfCollected().map(snapshot -> " (collected: " + run.environment().exchange().clientAccessServers().stream()
                .map(server -> server + " " + valueOf(snapshot.imapSettingsOf(server), s -> s.maxConnectionsPerUser().toString()))
                .collect(Collectors.joining(", ")) + ")").orElse("");
    }

    private static String collectedConcurrency(RunContext run) {
        return run.snapshotIfCollected().map(snapshot -> {
            try {
                EffectivePolicy policy = EffectivePolicy.of(snapshot.uccxMailbox().get(), snapshot.throttlingPolicies().get());
                String value = policy.policy().hasBudget("IMAPMaxConcurrency")
                        ? policy.policy().budget("IMAPMaxConcurrency").orElse("$null") : "absent";
                return " (collected: " + value + " in policy '" + policy.policy().name() + "')";
            } catch (RuntimeException notCollected) {
                return " (not collected: " + notCollected.getMessage() + ")";
            }
        }).orElse("");
    }

    private static String collectedStoreLimit(RunContext run) {
        return run.snapshotIfCollected().map(snapshot -> ", collected: " + run.environment().exchange().mailboxServers().stream()
                .map(server -> server + " " + valueOf(snapshot.storeRegistryOf(server),
                        r -> r.value().isPresent() ? Long.toString(r.value().getAsLong()) : "missing"))
                .collect(Collectors.joining(", "))).orElse("");
    }

    private static <T> String valueOf(Fact<T> fact, java.util.function.Function<T, String> read) {
        return fact instanceof Fact.Collected<T> collected ? read.apply(collected.value()) : "not collected";
    }

}
