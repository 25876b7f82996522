package uccx.compliance.collector.clixml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real Export-Clixml output of Exchange 2019 (see src/test/resources/clixml/README.md for where it
 * comes from and its licence): the parser must read what a real serializer writes.
 */
class RealExchangeSamplesTest {

    private static CliXmlDocument connectors;
    private static CliXmlDocument servers;

    @BeforeAll
    static void parseSamples() throws CliXmlException {
        connectors = Samples.parse("Get-ReceiveConnector.exchange2019.xml");
        servers = Samples.parse("Get-ExchangeServer.exchange2019.xml");
    }

    private static PsObject connector(int index) {
        return (PsObject) connectors.output().get(index);
    }

    @Test
    void readsFiveReceiveConnectorsAndNoErrors() {
        assertThat(connectors.output()).hasSize(5).allMatch(c -> c.isTypeOf(
                "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector"));
        assertThat(connectors.errors()).isEmpty();
        assertThat(connectors.otherStreams()).isEmpty();
    }

    @Test
    void identitiesAreServerBackslashName() {
        assertThat(connectors.output()).extracting(c -> c.property("Identity").orElseThrow().text())
                .containsExactly(
                        "WIN-CTD3L0RGEN4\\Default WIN-CTD3L0RGEN4",
                        "WIN-CTD3L0RGEN4\\Client Proxy WIN-CTD3L0RGEN4",
                        "WIN-CTD3L0RGEN4\\Default Frontend WIN-CTD3L0RGEN4",
                        "WIN-CTD3L0RGEN4\\Outbound Proxy Frontend WIN-CTD3L0RGEN4",
                        "WIN-CTD3L0RGEN4\\Client Frontend WIN-CTD3L0RGEN4");
        assertThat(connector(0).toStringText()).contains("WIN-CTD3L0RGEN4\\Default WIN-CTD3L0RGEN4");
    }

    @Test
    void unlimitedValuesReadThroughToString() {
        assertThat(connectors.output()).extracting(c -> c.property("MessageRateLimit").orElseThrow().text())
                .containsExactly("Unlimited", "5", "Unlimited", "Unlimited", "5");
        assertThat(connectors.output()).extracting(c -> c.property("MaxInboundConnection").orElseThrow().text())
                .containsOnly("5000");
        assertThat(connector(0).property("MaxInboundConnectionPerSource").orElseThrow().text()).isEqualTo("Unlimited");
        assertThat(connector(1).property("MaxInboundConnectionPerSource").orElseThrow().text()).isEqualTo("20");
    }

    @Test
    void anUnlimitedObjectCarriesIsUnlimitedAndValue() {
        PsValue unlimited = connector(0).property("MessageRateLimit").orElseThrow();
        PsValue limited = connector(0).property("maxinboundconnection").orElseThrow();

        assertThat(unlimited.isTypeOf("Microsoft.Exchange.Data.Unlimited")).isTrue();
        assertThat(unlimited.isTypeOf("Unlimited`1")).isTrue();
        assertThat(unlimited.property("IsUnlimited").flatMap(PsValue::primitive).orElseThrow().asBoolean()).isTrue();
        assertThat(((PsObject) unlimited).hasProperty("Value")).isFalse();
        assertThat(limited.property("IsUnlimited").flatMap(PsValue::primitive).orElseThrow().asBoolean()).isFalse();
        assertThat(limited.property("Value").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(5000);
    }

    @Test
    void percentagePerSourceIsAPlainInt32() {
        PsValue percentage = connector(0).property("MaxInboundConnectionPercentagePerSource").orElseThrow();
        assertThat(percentage).isEqualTo(new PsPrimitive("I32", "100"));
        assertThat(connectors.output()).extracting(
                c -> c.property("MaxInboundConnectionPercentagePerSource").flatMap(PsValue::primitive).orElseThrow().asInt())
                .containsExactly(100, 2, 2, 2, 2);
    }

    @Test
    void typeNameBackReferencesResolveToTheFirstList() {
        PsObject first = connector(0);
        for (PsValue other : connectors.output()) {
            assertThat(((PsObject) other).typeNames()).isEqualTo(first.typeNames());
        }
        assertThat(first.typeNames()).first().isEqualTo("Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector");
        // MaxInboundConnection's type list is a TNRef to MessageRateLimit's TN
        assertThat(((PsObject) connector(0).property("MaxInboundConnection").orElseThrow()).typeNames())
                .isEqualTo(((PsObject) connector(0).property("MessageRateLimit").orElseThrow()).typeNames());
    }

    @Test
    void objectReferencesResolveToTheSameValue() {
        PsObject c = connector(2);
        assertThat(c.property("Id").orElseThrow()).isSameAs(c.property("Identity").orElseThrow());
        // OrganizationId is written once, in the first connector, and referenced from the others
        assertThat(connector(4).property("OrganizationId").orElseThrow())
                .isSameAs(connector(0).property("OrganizationId").orElseThrow());
    }

    @Test
    void enumsAreToStringWithTheirNumber() {
        PsValue auth = connector(0).property("AuthMechanism").orElseThrow();
        assertThat(auth.text()).isEqualTo("Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer");
        assertThat(auth.isTypeOf("System.Enum")).isTrue();
        assertThat(auth.primitive().orElseThrow().asInt()).isEqualTo(31);
        assertThat(connectors.output()).extracting(c -> c.property("TransportRole").orElseThrow().text())
                .containsExactly("HubTransport", "HubTransport", "FrontendTransport", "FrontendTransport", "FrontendTransport");
    }

    @Test
    void listsKeepTheirItems() {
        PsValue bindings = connector(0).property("Bindings").orElseThrow();
        assertThat(bindings.isTypeOf("MultiValuedProperty")).isTrue();
        assertThat(bindings.texts()).containsExactly("0.0.0.0:2525", "[::]:2525");
        assertThat(bindings.text()).isEqualTo("0.0.0.0:2525, [::]:2525");
        PsObject ipv6 = (PsObject) ((PsList) ((PsObject) bindings).baseValue().orElseThrow()).items().get(1);
        assertThat(ipv6.typeNames()).first().isEqualTo("Microsoft.Exchange.Data.IPBinding");
        assertThat(ipv6.property("Port").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(2525);
        assertThat(ipv6.property("Address").orElseThrow().text()).isEqualTo("::");
        assertThat(connector(0).property("RemoteIPRanges").orElseThrow().texts())
                .contains("::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    }

    @Test
    void nilIsAPresentNullWhileAnAbsentPropertyIsEmpty() {
        PsObject c = connector(0);
        assertThat(c.hasProperty("DefaultDomain")).isTrue();
        assertThat(c.property("DefaultDomain")).contains(PsNull.NULL);
        assertThat(c.property("DefaultDomain").orElseThrow().text()).isNull();
        assertThat(c.property("DefaultDomain").orElseThrow().texts()).isEmpty();
        assertThat(c.hasProperty("CPAMaxConcurrency")).isFalse();
        assertThat(c.property("Banner").orElseThrow().text()).isEmpty();
    }

    @Test
    void memberSetsAreMergedIntoTheProperties() {
        PsObject c = connector(0);
        assertThat(c.property("PSComputerName")).isPresent();
        PsPrimitive serialization = c.property("SerializationData").flatMap(PsValue::primitive).orElseThrow();
        assertThat(serialization.tag()).isEqualTo("BA");
        // a .NET BinaryFormatter stream starts with record type 0 and root id 1
        assertThat(serialization.asBytes()).startsWith(0, 1, 0, 0, 0);
        assertThat(c.property("RunspaceId").flatMap(PsValue::primitive).orElseThrow().tag()).isEqualTo("G");
        assertThat(new java.util.ArrayList<>(c.properties().keySet()))
                .as("Props first, then MS, in the order written")
                .startsWith("AuthMechanism", "Banner").endsWith("SerializationData");
    }

    @Test
    void sizesDatesAndTimeSpansKeepTheirText() {
        PsObject c = connector(0);
        assertThat(c.property("MaxMessageSize").orElseThrow().text()).isEqualTo("36 MB (37,748,736 bytes)");
        assertThat(c.property("ConnectionTimeout").orElseThrow().text()).isEqualTo("00:10:00");
        assertThat(c.property("WhenChangedUTC").flatMap(PsValue::primitive).orElseThrow().asInstant())
                .isEqualTo(Instant.parse("2021-08-21T08:43:54Z"));
        assertThat(c.property("WhenCreated").flatMap(PsValue::primitive).orElseThrow().asInstant())
                .isEqualTo(Instant.parse("2021-08-06T13:57:31Z"));
    }

    @Test
    void exchangeServerVersionAndRole() {
        assertThat(servers.output()).hasSize(1);
        PsObject server = (PsObject) servers.output().get(0);
        assertThat(server.isTypeOf("ExchangeServer")).isTrue();
        assertThat(server.property("Name").orElseThrow().text()).isEqualTo("SOLO-E19A");
        PsValue version = server.property("AdminDisplayVersion").orElseThrow();
        assertThat(version.text()).isEqualTo("Version 15.2 (Build 986.5)");
        assertThat(version.isTypeOf("Microsoft.Exchange.Data.ServerVersion")).isTrue();
        assertThat(version.property("Major").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(15);
        assertThat(version.property("FilePatchLevelDescription")).contains(PsNull.NULL);
        PsValue role = server.property("ServerRole").orElseThrow();
        assertThat(role.text()).isEqualTo("Mailbox");
        assertThat(role.primitive().orElseThrow().asInt()).isEqualTo(2);
        assertThat(server.property("Id").orElseThrow()).isSameAs(server.property("Identity").orElseThrow());
        assertThat(server.property("Edition").orElseThrow().text()).isEqualTo("StandardEvaluation");
    }

    @Test
    void bytePropertiesUseTheByTag() {
        List<PsPrimitive> bytes = servers.output().stream()
                .flatMap(s -> s.property("ExchangeVersion").stream())
                .flatMap(v -> v.property("Major").stream())
                .flatMap(m -> m.primitive().stream())
                .toList();
        assertThat(bytes).singleElement().satisfies(b -> {
            assertThat(b.tag()).isEqualTo("By");
            assertThat(b.asInt()).isZero();
        });
    }
}
