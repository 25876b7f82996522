package uccx.compliance.controls;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.AccountToken;
import uccx.compliance.collector.facts.ImapSettings;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.collector.facts.OrganizationPermission;
import uccx.compliance.collector.facts.StoreEvent;
import uccx.compliance.collector.facts.StoreRegistryValue;
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
        ImapSettings imap = findings.read(snapshot.imapSettingsOf(server));
        findings.observe(imap.toString());
        findings.assertThat(imap)
                .hasMaxCommandSizeAtLeast(checklist.maxCommandSize())
                .hasMaxConnectionFromSingleIPAtLeast(checklist.maxConnectionFromSingleIP())
                .hasMaxConnectionsAtLeast(checklist.maxConnections())
                .hasMaxConnectionsPerUserAtLeast(checklist.maxConnectionsPerUser());
        findings.conclude(violations -> Remediation.imapSettings(server, thresholds(violations)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imap02")
    void storeServiceSessions(String server, Snapshot snapshot, Checklist checklist, ControlRun run) {
        ControlFindings findings = run.check(Control.IMAP_02, server);
        StoreRegistryValue registry = findings.read(snapshot.storeRegistryOf(server));
        findings.observe(registry.toString());
        findings.assertThat(registry).isDwordOfAtLeast(checklist.maxServiceSessionsPerUser());
        findings.conclude(violations -> Remediation.serviceSessions(server, checklist.maxServiceSessionsPerUser()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imap03")
    void noSessionLimitEvents(String server, Snapshot snapshot, Environment environment, Checklist checklist, ControlRun run) {
        ControlFindings findings = run.check(Control.IMAP_03, server);
        List<StoreEvent> logged = findings.read(snapshot.storeEventsOf(server));
        Mailbox mailbox = findings.read(snapshot.uccxMailbox());
        StoreEvents events = new StoreEvents(server, environment.eventLookbackHours(), logged);
        findings.observe(events.events().size() + " event(s) 9646 on " + server + " in the last " + events.lookbackHours() + " h");
        findings.assertThat(events).hasNoSessionLimitEventFor(mailbox.primarySmtpAddress(), mailbox.legacyExchangeDn());
        findings.conclude(violations -> Remediation.storeEvents(server, checklist.maxServiceSessionsPerUser()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("imap04")
    void viewInformationStoreStatus(String account, Snapshot snapshot, ControlRun run) {
        ControlFindings findings = run.check(Control.IMAP_04, account);
        List<OrganizationPermission> entries = findings.read(snapshot.organizationPermissions());
        AccountToken token = findings.read(snapshot.accountToken());
        findings.observe(entries.size() + " entries that can decide ms-Exch-Store-Visible: " + entries);
        findings.observe(account + " and its groups: " + token.identities());
        OrganizationPermissions permissions = OrganizationPermissions.weigh(OrganizationPermission.VIEW_INFORMATION_STORE_STATUS,
                entries, token);
        findings.assertThat(permissions).allows("View Information Store status");
        findings.conclude(violations -> Remediation.permission(account, permissions.check().deciding()));
    }

    private static List<Threshold> thresholds(List<SettingViolation> violations) {
        return violations.stream().flatMap(v -> v.threshold().stream()).toList();
    }
}
