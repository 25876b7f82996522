package uccx.compliance.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.collector.FactNotCollected;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.collector.facts.ImapSettings;
import uccx.compliance.collector.facts.StoreEvent;
import uccx.compliance.collector.facts.StoreRegistryValue;
import uccx.compliance.environment.Environment;
import uccx.compliance.run.ChecklistControls;
import uccx.compliance.run.ControlRun;
import uccx.compliance.run.ControlTargets;

/**
 * The services behind the checklist: the IMAP4 service that Exchange 2010 installs Manual and
 * stopped, and the settings its IMAP4 service and its store read only when they start.
 */
@ChecklistControls
@Tag("services")
class ServiceControls {

    static Stream<Named<String>> svc01(Environment environment) {
        return ControlTargets.of(Control.SVC_01, environment.exchange().clientAccessServers());
    }

    /** Every Client Access and Mailbox server, once each. */
    static Stream<Named<String>> svc02(Environment environment) {
        return ControlTargets.of(Control.SVC_02, servers(environment));
    }

    private static List<String> servers(Environment environment) {
        List<String> servers = new ArrayList<>();
        Stream.concat(environment.exchange().clientAccessServers().stream(), environment.exchange().mailboxServers().stream())
                .filter(s -> servers.stream().noneMatch(s::equalsIgnoreCase)).forEach(servers::add);
        return servers;
    }

    private static boolean listed(List<String> servers, String server) {
        return servers.stream().anyMatch(server::equalsIgnoreCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("svc01")
    void imapServiceStartsAutomaticallyAndRuns(String server, Snapshot snapshot, ControlRun run) {
        ControlFindings findings = run.check(Control.SVC_01, server);
        ServerServices services = new ServerServices(server, findings.read(snapshot.servicesOf(server)));
        findings.assertThat(services).startsAutomatically(ServerServices.IMAP4);
        findings.assertThat(services).isRunning(ServerServices.IMAP4);
        findings.conclude();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("svc02")
    void settingsReadAtStartAreInEffect(String server, Snapshot snapshot, Environment environment, ControlRun run) {
        ControlFindings findings = run.check(Control.SVC_02, server);
        ServerServices services = new ServerServices(server, findings.read(snapshot.servicesOf(server)));
        boolean clientAccess = listed(environment.exchange().clientAccessServers(), server);
        boolean mailbox = listed(environment.exchange().mailboxServers(), server);
        Optional<ImapSettings> imap = clientAccess ? Optional.of(findings.read(snapshot.imapSettingsOf(server))) : Optional.empty();
        Optional<StoreRegistryValue> store = Optional.empty();
        List<StoreEvent> events = List.of();
        Optional<String> storeNotRead = Optional.empty();
        if (mailbox) {
            // The registry value and the events are IMAP-02's and IMAP-03's facts: unread, they leave the store part untold, not the server.
            try {
                store = Optional.of(findings.read(snapshot.storeRegistryOf(server)));
                events = findings.read(snapshot.storeEventsOf(server));
            } catch (FactNotCollected notRead) {
                storeNotRead = Optional.of(notRead.getMessage());
            }
        }
        SettingsInEffect inEffect = new SettingsInEffect(server, services, imap, store, events, environment.eventLookbackHours(),
                storeNotRead);
        inEffect.whyImapCannotBeTold().ifPresent(why -> findings.note(SettingsInEffect.IMAP_SETTING + " cannot be told: " + why));
        inEffect.whyStoreCannotBeTold().ifPresent(why -> findings.note(SettingsInEffect.STORE_SETTING + " cannot be told: " + why));
        if (inEffect.nothingCanBeTold()) {
            throw new IllegalStateException("could not verify: " + Stream.of(inEffect.whyImapCannotBeTold(), inEffect.whyStoreCannotBeTold())
                    .flatMap(Optional::stream).reduce((a, b) -> a + "; " + b).orElse("nothing to judge"));
        }
        findings.assertThat(inEffect).imapSettingsNotChangedSinceStart();
        findings.assertThat(inEffect).storeValueInEffect();
        findings.conclude();
    }
}
