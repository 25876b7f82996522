package uccx.compliance.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.clixml.CliXml;
import uccx.compliance.collector.facts.WindowsService;
import uccx.compliance.lab.LabState;
import uccx.compliance.lab.powershell.LabPowerShell;

/**
 * The services fact and the IMAP4 settings' WhenChanged, as the lab writes them in PowerShell 2.0's
 * CliXml, read back: one WMI read per Client Access or Mailbox server, each with its own status.
 */
class ServicesSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-11-26T20:00:00Z");
    /** EXCH03 is a Client Access server only; EXCH02 a Mailbox server only. */
    private static final CollectionScope SCOPE = new CollectionScope(List.of("EXCH01", "EXCH03"), List.of("EXCH01", "EXCH02"),
            List.of(), "uccx-email@lab.example.com", "LAB\\uccx-email", 24);

    private final List<String> violations = new ArrayList<>();

    private Snapshot collect(LabState state) throws Exception {
        LabPowerShell lab = new LabPowerShell(state, Clock.fixed(NOW, ZoneOffset.UTC), violations::add);
        RemoteCommand command = CollectorScript.bundled().command(SCOPE);
        LabPowerShell.Session session = lab.start(command.commandLine());
        command.standardInput().forEach(line -> session.input(line + "\r\n"));
        String stdout = session.result().orElseThrow().stdout();
        return new SnapshotReader(SCOPE).read(CliXml.parse(stdout), stdout, "lab", NOW, Duration.ZERO);
    }

    private static LabState.Server server(String name, List<String> roles, Map<String, LabState.Service> services, long imapChanged) {
        return new LabState.Server(name, "Version 14.3 (Build 123.4)", roles, Map.of(), Map.of(), List.of(), services, imapChanged,
                LabState.DEFAULT_CHANGED_MINUTES_AGO);
    }

    private static LabState organisation(LabState.Faults faults) {
        return new LabState(List.of(
                server("EXCH01", List.of("ClientAccess", "Mailbox"), Map.of("MSExchangeIMAP4", new LabState.Service("Manual", "Stopped", 0)), 60),
                server("EXCH02", List.of("Mailbox"), Map.of("MSExchangeIS", new LabState.Service("Auto", "Running", 90)), 10080),
                server("EXCH03", List.of("ClientAccess"), Map.of(), 10080)),
                List.of(), List.of(), List.of(new LabState.Mailbox("uccx-email@lab.example.com", "LAB\\uccx-email", "/o=Lab/cn=uccx-email",
                        Optional.empty())), List.of(), faults);
    }

    @Test
    void eachServerInEitherListHasItsServicesAsWmiGivesThem() throws Exception {
        Snapshot snapshot = collect(organisation(new LabState.Faults(0, List.of())));

        assertThat(violations).isEmpty();
        assertThat(snapshot.servicesOf("EXCH01").get()).extracting(WindowsService::name, WindowsService::startMode, WindowsService::state,
                WindowsService::processId).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("MSExchangeIMAP4", "Manual", "Stopped", 0L),
                        org.assertj.core.groups.Tuple.tuple("MSExchangeIS", "Auto", "Running", 4624L));
        assertThat(snapshot.servicesOf("EXCH01").get()).filteredOn(s -> s.name().equals("MSExchangeIMAP4")).singleElement()
                .satisfies(s -> assertThat(s.startedAt()).as("a stopped service has no process").isEmpty());
        assertThat(snapshot.servicesOf("EXCH02").get()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("MSExchangeIS"))
                .satisfies(s -> assertThat(s.startedAt()).contains(NOW.minus(Duration.ofMinutes(90))));
        assertThat(snapshot.servicesOf("EXCH03").get()).singleElement()
                .satisfies(s -> assertThat(s.name()).isEqualTo("MSExchangeIMAP4"))
                .satisfies(s -> assertThat(s.startedAt()).contains(NOW.minus(Duration.ofMinutes(1440))));
        assertThat(snapshot.imapSettingsOf("EXCH01").get().whenChanged()).contains(NOW.minus(Duration.ofMinutes(60)));
        assertThat(snapshot.imapSettingsOf("EXCH03").get().whenChanged()).contains(NOW.minus(Duration.ofMinutes(10080)));
    }

    @Test
    void aServerWhoseWmiRefusesIsNotCollectedAloneNamingTheHopAndThePrerequisite() throws Exception {
        Snapshot snapshot = collect(organisation(new LabState.Faults(0, List.of(new LabState.Failure("services", Optional.of("EXCH02"),
                "Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))",
                "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWmiObjectCommand")))));

        assertThatThrownBy(() -> snapshot.servicesOf("EXCH02").get()).isInstanceOf(FactNotCollected.class)
                .hasMessageContaining("remote WMI on EXCH02").hasMessageContaining("E_ACCESSDENIED")
                .hasMessageContaining("README: Preparing a real site, \"Remote WMI\"");
        assertThat(snapshot.servicesOf("EXCH01").get()).hasSize(2);
        assertThat(snapshot.storeRegistryOf("EXCH02").get()).isNotNull();
    }
}
