package uccx.compliance.proofs;

import static uccx.compliance.proofs.ProofRunAssert.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every control is proven to fail: for each, a lab environment that violates it (the compliant
 * lab with one deliberate change, written to {@code target/proof-environments/}), and the whole
 * suite run against it reports exactly that control and target non-compliant and everything
 * else compliant.
 */
@Tag("proof")
class EveryControlCanFailTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path reports;

    private ProofRun run(String name, Consumer<LabVariant> violation) {
        return ProofRun.ofChangedLab(PROJECT, reports, name, violation);
    }

    @Test
    void theCompliantLabIsCompliantEverywhereWithOneRemoteCommand() {
        ProofRun run = ProofRun.of(PROJECT.resolve("environments/lab.yaml"), PROJECT, reports);
        assertThat(run).isAllCompliant().sentRemoteCommands(1);
    }

    @ParameterizedTest(name = "IMAP-01 fails when {0} is too low on EXCH02 only")
    @ValueSource(strings = {"MaxCommandSize", "MaxConnectionFromSingleIP", "MaxConnections", "MaxConnectionsPerUser"})
    void imapLimitTooLowOnOneServer(String setting) {
        ProofRun run = run("imap01-" + setting, lab -> ((ObjectNode) lab.server("EXCH02").get("imapSettings")).put(setting, 16));
        assertThat(run).reportsOnly("non-compliant", "IMAP-01 EXCH02")
                .hasMessage("IMAP-01", "EXCH02", setting + ": expected at least", "found 16", "Set-ImapSettings -Server EXCH02 -" + setting);
    }

    @Test
    void imapPerUserLimitBelowTheDerivedNeedFails() {
        // 2400 is the checklist's value, but 1500 agents need 2 x 1501 = 3002 connections.
        ProofRun run = run("imap01-derived-need", lab -> lab.change(root -> ((ObjectNode) root.get("uccx")).put("agents", 1500))
                .server("EXCH01").get("registry").fields().forEachRemaining(key -> ((ObjectNode) key.getValue())
                        .put("Maximum Allowed Service Sessions Per User", 4000)));
        assertThat(run).hasMessage("IMAP-01", "EXCH01", "derived need 2 x (1500 agents + 1) = 3002 binds", "found 2400");
    }

    @Test
    void registryValueMissing() {
        ProofRun run = run("imap02-missing", lab -> ((ObjectNode) lab.server("EXCH02").get("registry")).removeAll());
        assertThat(run).reportsOnly("non-compliant", "IMAP-02 EXCH02").hasMessage("IMAP-02", "EXCH02", "missing", "reg add");
    }

    @Test
    void registryValueTooLowForTheAgents() {
        // 64 is the checklist's value, but 120 agents need 242 service sessions.
        ProofRun run = run("imap02-too-low", lab -> lab.server("EXCH01").get("registry").fields()
                .forEachRemaining(key -> ((ObjectNode) key.getValue()).put("Maximum Allowed Service Sessions Per User", 64)));
        // The lab's store enforces the value too, so the live capacity probe meets the same limit.
        assertThat(run).reportsOnly("non-compliant", "IMAP-02 EXCH01", "LIVE-02 EXCH01").hasMessage("IMAP-02", "EXCH01", "found 64", "242")
                .hasMessage("LIVE-02", "EXCH01", "found 64", "NO Server Unavailable. 15");
    }

    @Test
    void sessionLimitEventForTheUccxMailbox() {
        ProofRun run = run("imap03-event", lab -> lab.server("EXCH01").withArray("events").addObject()
                .put("source", "MSExchangeIS").put("id", 9646).put("minutesAgo", 30)
                .put("mailbox", lab.uccxMailbox().path("PrimarySmtpAddress").asText()).put("guidPrefix", true));
        assertThat(run).reportsOnly("non-compliant", "IMAP-03 EXCH01").hasMessage("IMAP-03", "EXCH01", "1 event(s)");
    }

    @Test
    void sessionLimitEventsForAnotherMailboxOrOutsideTheWindowDoNotCount() {
        ProofRun run = run("imap03-not-ours", lab -> {
            lab.server("EXCH01").withArray("events").addObject().put("mailbox", "someone-else@lab.example.com").put("minutesAgo", 10);
            lab.server("EXCH02").withArray("events").addObject()
                    .put("mailbox", lab.uccxMailbox().path("PrimarySmtpAddress").asText()).put("minutesAgo", 60 * 48);
        });
        assertThat(run).isAllCompliant();
    }

    @Test
    void permissionMissing() {
        ProofRun run = run("imap04-missing", lab -> lab.permissions().removeAll());
        assertThat(run).reportsOnly("non-compliant", "IMAP-04 " + LabVariant.ofCompliantLab(PROJECT).uccxAccount())
                .hasMessage("IMAP-04", LabVariant.ofCompliantLab(PROJECT).uccxAccount(), "not granted", "Add-ADPermission");
    }

    @Test
    void permissionDenied() {
        ProofRun run = run("imap04-denied", lab -> lab.permissions().addObject().put("User", lab.uccxAccount()).put("Deny", true)
                .putArray("ExtendedRights").add("ms-Exch-Store-Visible"));
        assertThat(run).reportsOnly("non-compliant", "IMAP-04 " + LabVariant.ofCompliantLab(PROJECT).uccxAccount())
                .hasMessage("IMAP-04", LabVariant.ofCompliantLab(PROJECT).uccxAccount(), "DENIED");
    }

    @ParameterizedTest(name = "SMTP-01 fails when {0} is too low on EXCH02\\UCCX Relay")
    @ValueSource(strings = {"MaxInboundConnection", "MessageRateLimit", "MaxInboundConnectionPercentagePerSource", "MaxInboundConnectionPerSource"})
    void connectorSettingTooLow(String setting) {
        ProofRun run = run("smtp01-" + setting, lab -> lab.connector("EXCH02\\UCCX Relay").put(setting, 1));
        assertThat(run).reportsOnly("non-compliant", "SMTP-01 EXCH02\\UCCX Relay")
                .hasMessage("SMTP-01", "EXCH02\\UCCX Relay", setting + ": expected at least", "found 1", "-" + setting + " ");
    }

    @Test
    void unlimitedInAnyLetterCaseSatisfiesAtLeast() {
        ProofRun run = run("smtp01-unlimited", lab -> lab.connector("EXCH01\\UCCX Relay").put("MaxInboundConnection", "UNLIMITED")
                .put("MessageRateLimit", "Unlimited").put("MaxInboundConnectionPerSource", "unlimited"));
        assertThat(run).isAllCompliant();
    }

    @Test
    void defaultPolicyAssigned() {
        // No policy assigned: the default one governs the mailbox, and its budgets are not unlimited either.
        ProofRun run = run("thr01-default", lab -> lab.uccxMailbox().set("ThrottlingPolicy", NullNode.getInstance()));
        assertThat(run).reportsOnly("non-compliant", "THR-01 " + mailbox(), "THR-02 " + mailbox())
                .hasMessage("THR-01", mailbox(), "none assigned", "Set-Mailbox");
    }

    @ParameterizedTest(name = "THR-02 fails when {0} is not null")
    @ValueSource(strings = {"IMAPMaxConcurrency", "RCAPercentTimeInCAS", "CPUStartPercent", "CPAMaxConcurrency"})
    void oneBudgetNotNull(String budget) {
        ProofRun run = run("thr02-" + budget, lab -> lab.policy("UCCX").put(budget, 20));
        assertThat(run).reportsOnly("non-compliant", "THR-02 " + mailbox())
                .hasMessage("THR-02", mailbox(), budget + ": expected $null (unlimited), found 20", "Set-ThrottlingPolicy");
    }

    @Test
    void rtmOrganisationHasNoCpaBudgetsAndNeedsNone() {
        ProofRun run = run("rtm", lab -> {
            lab.change(root -> ((ObjectNode) root.get("exchange")).put("version", "2010-RTM"));
            lab.lab().withArray("servers").forEach(s -> ((ObjectNode) s).put("adminDisplayVersion", "Version 14.0 (Build 639.21)"));
            lab.lab().withArray("throttlingPolicies").forEach(p -> ((ObjectNode) p)
                    .remove(java.util.List.of("CPAMaxConcurrency", "CPAPercentTimeInCAS", "CPAPercentTimeInMailboxRPC")));
        });
        assertThat(run).isAllCompliant();
    }

    @Test
    void versionMismatchOnOneServer() {
        ProofRun run = run("exc01-mismatch", lab -> lab.server("EXCH02").put("adminDisplayVersion", "Version 14.2 (Build 247.5)"));
        assertThat(run).reportsOnly("non-compliant", "EXC-01 EXCH02").hasMessage("EXC-01", "EXCH02", "2010-SP3", "found 2010-SP2");
    }

    @Test
    void aFailingHopMakesOnlyItsOwnControlCouldNotVerify() {
        ProofRun run = run("fault-registry", lab -> lab.lab().withObject("/faults").withArray("failures").addObject()
                .put("fact", "registry").put("target", "EXCH02").put("message", "Attempted to perform an unauthorized operation.")
                .put("errorId", "UnauthorizedAccessException"));
        assertThat(run).reportsOnly("could-not-verify", "IMAP-02 EXCH02")
                .hasMessage("IMAP-02", "EXCH02", "remote registry on EXCH02", "unauthorized");
    }

    private static String mailbox() {
        return LabVariant.ofCompliantLab(PROJECT).change(r -> { }).uccxMailboxAddress();
    }
}
