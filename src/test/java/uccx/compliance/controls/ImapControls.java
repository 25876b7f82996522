package uccx.compliance.controls;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.collector.facts.OrganizationPermission;
import uccx.compliance.environment.Environment;
import uccx.compliance.run.ControlRun;
import uccx.compliance.run.ControlTargets;
import uccx.compliance.run.ChecklistControls;

/**
 * The checklist's IMAP steps. The UCCX server and every agent desktop open two IMAP connections
 * each with the same account; with Exchange 2010's defaults the 17th is refused with
 * "NO AUTHENTICATE failed." although the password is right.
 */
@ChecklistControls
@Tag("imap")
class ImapControls {

    static Stream<Named<String>> imap01(Environment environment) {
        return ControlTargets.of(Control.IMAP_01, environment.exchange().clientAccessServers());
    }

    static Stream<Named<String>> imap02(Environment environment) {
        return ControlTargets.of(Control.IMAP_02, environment.exchange().mailboxServers());
    }

    static Stream<Named<String>> imap03(Environment environment) {
        return ControlTargets.of(Control.IMAP_03, environment.exchange().mailboxServers());
    }

    static Stream<Named<String>> imap04(Environment environment) {
        return ControlTargets.of(Control.IMAP_04, List.of(environment.uccx().account()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imap01")
    void imapConnectionLimits(String server, Snapshot snapshot, Checklist checklist, ControlRun run) {
        ControlFindings findings = run.check(Control.IMAP_01, server);
        findings.assertThat(findings.read(snapshot.imapSettingsOf(server)))
                .hasMaxCommandSizeAtLeast(checklist.maxCommandSize())
                .hasMaxConnectionFromSingleIPAtLeast(checklist.maxConnectionFromSingleIP())
                .hasMaxConnectionsAtLeast(checklist.maxConnections())
                .hasMaxConnectionsPerUserAtLeast(checklist.maxConnectionsPerUser());
        findings.conclude();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imap02")
    void storeServiceSessions(String server, Snapshot snapshot, Checklist checklist, ControlRun run) {
        ControlFindings findings = run.check(Control.IMAP_02, server);
        findings.assertThat(findings.read(snapshot.storeRegistryOf(server))).isDwordOfAtLeast(checklist.maxServiceSessionsPerUser());
        findings.conclude();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imap03")
    void noSessionLimitEvents(String server, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.IMAP_03, server);
        StoreEvents logged = new StoreEvents(server, environment.eventLookbackHours(), findings.read(snapshot.storeEventsOf(server)));
        Mailbox mailbox = findings.read(snapshot.uccxMailbox());
        findings.assertThat(logged).hasNoSessionLimitEventFor(mailbox.primarySmtpAddress(), mailbox.legacyExchangeDn());
        findings.conclude();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imap04")
    void viewInformationStoreStatus(String account, Snapshot snapshot, ControlRun run) {
        ControlFindings findings = run.check(Control.IMAP_04, account);
        OrganizationPermissions permissions = OrganizationPermissions.weigh(OrganizationPermission.VIEW_INFORMATION_STORE_STATUS,
                findings.read(snapshot.organizationPermissions()), findings.read(snapshot.accountToken()));
        findings.assertThat(permissions).allows("View Information Store status");
        findings.conclude();
    }
}
