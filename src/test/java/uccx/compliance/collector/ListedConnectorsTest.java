package uccx.compliance.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.clixml.PsObject;
import uccx.compliance.collector.clixml.PsPrimitive;
import uccx.compliance.collector.clixml.PsValue;

/** The runner keeps the connectors in scope from the one Get-ReceiveConnector that lists every connector of the organisation. */
class ListedConnectorsTest {

    private static PsObject listed(String identity) {
        Map<String, PsValue> properties = new LinkedHashMap<>();
        properties.put("UccxRecord", PsPrimitive.string("fact"));
        properties.put("UccxFact", PsPrimitive.string("receiveConnectors"));
        properties.put("UccxTarget", PsPrimitive.string(identity));
        properties.put("Identity", PsPrimitive.string(identity));
        return new PsObject(List.of(), Optional.empty(), properties, Optional.empty(), "");
    }

    private static String identity(PsObject o) {
        return o.property("Identity").orElseThrow().text();
    }

    @Test
    void keepsOnlyTheConnectorsInScopeFoundByIdentityWhateverTheirCase() {
        Fact<List<PsObject>> all = Fact.collected("receiveConnectors", "", List.of(listed("EXCH01\\Default EXCH01"),
                listed("EXCH01\\UCCX Relay"), listed("EXCH02\\UCCX Relay")));

        Map<String, Fact<String>> inScope = ListedConnectors.inScope(all, List.of("exch01\\uccx relay", "EXCH02\\UCCX Relay"),
                ListedConnectorsTest::identity);

        assertThat(inScope).containsOnlyKeys("exch01\\uccx relay", "EXCH02\\UCCX Relay");
        assertThat(inScope.get("exch01\\uccx relay").get()).isEqualTo("EXCH01\\UCCX Relay");
        assertThat(inScope.get("EXCH02\\UCCX Relay").get()).isEqualTo("EXCH02\\UCCX Relay");
    }

    @Test
    void aConnectorInScopeThatExchangeDoesNotListIsCouldNotVerifyNamingIt() {
        Fact<List<PsObject>> all = Fact.collected("receiveConnectors", "", List.of(listed("EXCH01\\UCCX Relay")));

        Map<String, Fact<String>> inScope = ListedConnectors.inScope(all, List.of("EXCH01\\UCCX Relay", "EXCH03\\UCCX Relay"),
                ListedConnectorsTest::identity);

        assertThat(inScope.get("EXCH01\\UCCX Relay")).isInstanceOf(Fact.Collected.class);
        assertThat(inScope.get("EXCH03\\UCCX Relay")).isInstanceOfSatisfying(Fact.NotCollected.class, missing -> {
            assertThat(missing.target()).isEqualTo("EXCH03\\UCCX Relay");
            assertThat(missing.describe()).startsWith("Get-ReceiveConnector: EXCH03\\UCCX Relay is not among the receive connectors "
                    + "Get-ReceiveConnector listed (1 connector)");
        });
    }

    @Test
    void aListThatFailedFailsEveryConnectorInScopeWithItsReason() {
        Fact<List<PsObject>> failed = Fact.notCollected("receiveConnectors", "", "Get-ReceiveConnector", "Access is denied.");

        Map<String, Fact<String>> inScope = ListedConnectors.inScope(failed, List.of("EXCH01\\UCCX Relay", "EXCH02\\UCCX Relay"),
                ListedConnectorsTest::identity);

        assertThat(inScope.values()).hasSize(2).allSatisfy(f -> assertThat(f).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.describe()).isEqualTo("Get-ReceiveConnector: Access is denied.")));
    }

    @Test
    void aRecordTheRunnerCannotReadCostsOnlyItsOwnConnector() {
        Fact<List<PsObject>> all = Fact.collected("receiveConnectors", "", List.of(listed("EXCH01\\UCCX Relay"),
                listed("EXCH02\\Broken")));

        Map<String, Fact<String>> inScope = ListedConnectors.inScope(all, List.of("EXCH01\\UCCX Relay", "EXCH02\\Broken"), o -> {
            if (identity(o).endsWith("Broken")) {
                throw new IllegalArgumentException("MaxInboundConnection: not a number");
            }
            return identity(o);
        });

        assertThat(inScope.get("EXCH01\\UCCX Relay").get()).isEqualTo("EXCH01\\UCCX Relay");
        assertThat(inScope.get("EXCH02\\Broken")).isInstanceOfSatisfying(Fact.NotCollected.class,
                n -> assertThat(n.reason()).isEqualTo("unexpected output: MaxInboundConnection: not a number"));
    }
}
