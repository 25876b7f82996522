package uccx.compliance.controls;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import uccx.compliance.probes.Capacity;
import uccx.compliance.probes.CapacityResult;
import uccx.compliance.probes.DualLogin;
import uccx.compliance.probes.LoginMechanism;
import uccx.compliance.probes.MailTarget;
import uccx.compliance.probes.SmtpPath;
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
        findings.assertThat(TcpReach.probe(mail.host(), mail.port(), mail.connectTimeout())).connectsWithin(mail.connectTimeout());
        findings.conclude();
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("live01")
    void dualLogin(String target, RunContext run, ControlRun control) {
        ControlFindings findings = control.check(Control.LIVE_01, target);
        requireNetwork(run);
        findings.assertThat(new DualLogin(run.imapTarget(), run.credentialGuard()).run(run.uccxCredentials()))
                .logsInTwiceAs(run.uccxCredentials().account(), new CollectedLimits(run::snapshotIfCollected, run.environment()));
        findings.conclude();
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
        CapacityResult result = new Capacity(run.imapTarget(), run.credentialGuard(), Capacity.LOGINS_IN_FLIGHT, Capacity.deadlineFor(sessions))
                .run(run.uccxCredentials(), sessions);
        run.measure("capacityMillis", result.took().toMillis());
        run.measure("capacitySessions", result.succeeded() + " of " + result.wanted());
        findings.assertThat(result).holdsEverySessionAtOnce(run.uccxCredentials().account(), run.environment().uccx().agents());
        findings.conclude();
    }

    @Order(4)
    @ParameterizedTest(name = "{0}")
    @MethodSource("live03")
    void smtpPath(String target, RunContext run, ControlRun control) {
        ControlFindings findings = control.check(Control.LIVE_03, target);
        requireNetwork(run);
        String mailbox = run.environment().uccx().mailbox();
        findings.assertThat(new SmtpPath(run.smtpTarget(), "uccx-compliance").probe(mailbox)).acceptsRecipient(mailbox);
        findings.conclude();
    }

    @Order(5)
    @ParameterizedTest(name = "{0}")
    @MethodSource("live04")
    void loginMechanism(String target, RunContext run, ControlRun control) {
        ControlFindings findings = control.check(Control.LIVE_04, target);
        requireNetwork(run);
        MailTarget imap = run.imapTarget();
        findings.assertThat(new LoginMechanism(imap, run.environment().exchange().version().hasCpaBudgets()).probe())
                .offersAUsableLogin(target, imap.security());
        findings.conclude();
    }
}
