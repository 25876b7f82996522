package uccx.compliance.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.facts.ReceiveConnectorBinding;
import uccx.compliance.controls.ConnectorSelection;

/** SMTP-02's selection: bindings first, then the most specific RemoteIPRanges match; disabled connectors never. */
class ConnectorSelectionTest {

    private static ReceiveConnectorBinding connector(String identity, boolean enabled, List<String> bindings, String... ranges) {
        return new ReceiveConnectorBinding(identity, identity.substring(0, identity.indexOf('\\')), enabled, bindings, List.of(ranges));
    }

    private static ReceiveConnectorBinding connector(String identity, String... ranges) {
        return connector(identity, true, List.of("0.0.0.0:25", "[::]:25"), ranges);
    }

    @Test
    void theDefaultConnectorTakesEveryAddress() {
        var selection = ConnectorSelection.of("EXCH01", "10.1.2.3", List.of(connector("EXCH01\\Default EXCH01", "0.0.0.0-255.255.255.255",
                "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")));
        assertThat(selection.selected()).isEqualTo(Map.of("0.0.0.0", List.of("EXCH01\\Default EXCH01")));
        assertThat(selection.unreadable()).isEmpty();
    }

    @Test
    void aSingleAddressBeatsACidrBlockWhichBeatsAWiderRange() {
        List<ReceiveConnectorBinding> connectors = List.of(connector("EXCH01\\Default EXCH01", "0.0.0.0-255.255.255.255"),
                connector("EXCH01\\Subnet", "10.1.2.0/24"), connector("EXCH01\\Range", "10.1.0.0-10.1.255.255"));
        assertThat(ConnectorSelection.of("EXCH01", "10.1.2.3", connectors).everySelected()).containsExactly("EXCH01\\Subnet");
        List<ReceiveConnectorBinding> withSingle = new java.util.ArrayList<>(connectors);
        withSingle.add(connector("EXCH01\\UCCX Relay", "10.1.2.3"));
        assertThat(ConnectorSelection.of("EXCH01", "10.1.2.3", withSingle).everySelected()).containsExactly("EXCH01\\UCCX Relay");
        assertThat(ConnectorSelection.of("EXCH01", "10.1.3.3", withSingle).everySelected()).containsExactly("EXCH01\\Range");
    }

    @Test
    void aDisabledConnectorOrAnotherPortOrAnotherServerIsNeverSelected() {
        List<ReceiveConnectorBinding> connectors = List.of(connector("EXCH01\\Default EXCH01", "0.0.0.0-255.255.255.255"),
                connector("EXCH01\\Disabled", false, List.of("0.0.0.0:25"), "10.1.2.3"),
                connector("EXCH01\\Client EXCH01", true, List.of("0.0.0.0:587"), "10.1.2.3"),
                connector("EXCH02\\Other", "10.1.2.3"));
        assertThat(ConnectorSelection.of("EXCH01", "10.1.2.3", connectors).everySelected()).containsExactly("EXCH01\\Default EXCH01");
    }

    @Test
    void aConnectorBoundToOneLocalAddressWinsThereOnly() {
        List<ReceiveConnectorBinding> connectors = List.of(connector("EXCH01\\Default EXCH01", "0.0.0.0-255.255.255.255"),
                connector("EXCH01\\Second NIC", true, List.of("10.0.0.5:25"), "0.0.0.0-255.255.255.255"));
        var selection = ConnectorSelection.of("EXCH01", "10.1.2.3", connectors);
        assertThat(selection.selected()).containsEntry("10.0.0.5", List.of("EXCH01\\Second NIC"))
                .containsEntry("0.0.0.0", List.of("EXCH01\\Default EXCH01"));
    }

    @Test
    void noConnectorAcceptingTheAddressIsSaidSo() {
        var selection = ConnectorSelection.of("EXCH01", "192.168.1.1", List.of(connector("EXCH01\\Relay", "10.1.2.0/24")));
        assertThat(selection.refusedSomewhere()).isTrue();
        assertThat(selection.describe()).contains("none accepts 192.168.1.1");
    }

    @Test
    void maskFormsAndIpv6EntriesAreReadOrIgnoredAndAnythingElseIsReported() {
        var masked = ConnectorSelection.of("EXCH01", "10.1.2.3", List.of(connector("EXCH01\\Default EXCH01", "0.0.0.0-255.255.255.255"),
                connector("EXCH01\\Masked", "10.1.2.0(255.255.255.0)", "fe80::/64")));
        assertThat(masked.everySelected()).containsExactly("EXCH01\\Masked");
        assertThat(masked.unreadable()).isEmpty();
        var odd = ConnectorSelection.of("EXCH01", "10.1.2.3", List.of(connector("EXCH01\\Odd", "ten.one")));
        assertThat(odd.unreadable()).containsExactly("EXCH01\\Odd: RemoteIPRanges entry 'ten.one'");
    }
}
