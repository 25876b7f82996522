package uccx.compliance.collector.clixml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exchange 2010 / PowerShell 2.0 output. The ps2-*.xml resources are HAND-WRITTEN in PowerShell
 * 2.0's shape (see src/test/resources/clixml/HAND-WRITTEN.md), not captured from a server: they
 * show that the parser reads what the collector will receive, not that Exchange wrote these values.
 */
class PowerShell2ShapesTest {

    private static PsObject object(CliXmlDocument document, int index) {
        return (PsObject) document.output().get(index);
    }

    private static String text(PsValue value, String property) {
        return value.property(property).orElseThrow(() -> new AssertionError("no property " + property)).text();
    }

    @Test
    void imapSettingsFromSelectObjectCarryUnlimitedValues() throws CliXmlException {
        CliXmlDocument imap = Samples.parse("ps2-imap-settings.stdout.xml");

        assertThat(imap.output()).hasSize(2);
        PsObject exch01 = object(imap, 0);
        assertThat(exch01.typeNames()).first()
                .isEqualTo("Selected.Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.Imap4AdminConfiguration");
        assertThat(exch01.isTypeOf("Microsoft.Exchange.Data.Directory.SystemConfiguration.Imap4AdminConfiguration")).isTrue();
        assertThat(exch01.isTypeOf("PSCustomObject")).isTrue();
        assertThat(text(exch01, "Server")).isEqualTo("EXCH01");
        assertThat(text(exch01, "MaxConnectionsPerUser")).isEqualTo("unlimited");
        assertThat(exch01.property("MaxConnectionsPerUser").orElseThrow().isTypeOf("Unlimited")).isTrue();
        assertThat(text(exch01, "MaxConnections")).isEqualTo("2400");
        assertThat(exch01.property("MaxCommandSize").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(10240);
        assertThat(text(exch01, "LoginType")).isEqualTo("PlainTextLogin");

        PsObject exch02 = object(imap, 1);
        assertThat(exch02.typeNames()).isEqualTo(exch01.typeNames());
        assertThat(text(exch02, "maxconnectionsperuser")).isEqualTo("16");
        assertThat(text(exch02, "LoginType")).isEqualTo("SecureLogin");
    }

    @Test
    void throttlingPolicyBudgetsAreNilWhenUnsetAndAbsentOnRtm() throws CliXmlException {
        CliXmlDocument sp3 = Samples.parse("ps2-throttling-policies-sp3.stdout.xml");
        CliXmlDocument rtm = Samples.parse("ps2-throttling-policies-rtm.stdout.xml");

        PsObject defaultPolicy = object(sp3, 0);
        assertThat(defaultPolicy.property("IsDefault").flatMap(PsValue::primitive).orElseThrow().asBoolean()).isTrue();
        assertThat(text(defaultPolicy, "IMAPMaxConcurrency")).isEqualTo("20");
        assertThat(defaultPolicy.property("IMAPMaxConcurrency").orElseThrow().property("Value")
                .flatMap(PsValue::primitive).orElseThrow().tag()).isEqualTo("U32");
        assertThat(defaultPolicy.property("IMAPPercentTimeInCAS")).contains(PsNull.NULL);

        PsObject uccx = object(sp3, 1);
        assertThat(text(uccx, "Name")).isEqualTo("UCCX");
        assertThat(uccx.hasProperty("CPAMaxConcurrency")).isTrue();
        assertThat(uccx.property("CPAMaxConcurrency").orElseThrow().isNull()).isTrue();
        assertThat(uccx.property("CPAMaxConcurrency").orElseThrow().text()).isNull();
        assertThat(uccx.properties().values()).filteredOn(PsValue::isNull).hasSize(14);

        PsObject rtmPolicy = object(rtm, 0);
        assertThat(rtmPolicy.hasProperty("IMAPMaxConcurrency")).isTrue();
        assertThat(rtmPolicy.hasProperty("CPAMaxConcurrency")).isFalse();
        assertThat(rtmPolicy.property("CPAMaxConcurrency")).isEmpty();
        assertThat(text(rtmPolicy, "RecipientRateLimit")).isEqualTo("unlimited");
    }

    @Test
    void mailboxAdObjectIdsSizesAndStringLists() throws CliXmlException {
        CliXmlDocument document = Samples.parse("ps2-mailbox-and-permission.stdout.xml");
        assertThat(document.output()).hasSize(3);

        PsObject mailbox = object(document, 0);
        assertThat(mailbox.isTypeOf("Microsoft.Exchange.Data.Directory.Management.Mailbox")).isTrue();
        assertThat(text(mailbox, "PrimarySmtpAddress")).isEqualTo("uccx-email@corp.example.com");
        assertThat(text(mailbox, "ThrottlingPolicy")).isEqualTo("UCCX");
        assertThat(mailbox.property("ThrottlingPolicy").orElseThrow().isTypeOf("ADObjectId")).isTrue();
        assertThat(text(mailbox.property("ThrottlingPolicy").orElseThrow(), "DistinguishedName"))
                .startsWith("CN=UCCX,CN=Global Settings,");
        assertThat(text(mailbox, "LegacyExchangeDN"))
                .isEqualTo("/o=CORP/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=uccx-email");
        assertThat(text(mailbox, "ProhibitSendQuota")).isEqualTo("2 GB (2,147,483,648 bytes)");
        assertThat(text(mailbox, "ProhibitSendReceiveQuota")).isEqualTo("unlimited");
        assertThat(text(mailbox, "RulesQuota")).isEqualTo("64 KB (65,536 bytes)");
        assertThat(mailbox.property("RulesQuota").orElseThrow().isTypeOf("Microsoft.Exchange.Data.ByteQuantifiedSize")).isTrue();

        PsObject uccxAce = object(document, 1);
        assertThat(text(uccxAce, "User")).isEqualTo("CORP\\uccx-email");
        assertThat(uccxAce.property("ExtendedRights").orElseThrow().texts()).containsExactly("ms-Exch-Store-Visible");
        assertThat(uccxAce.property("AccessRights").orElseThrow().texts()).containsExactly("ExtendedRight");
        assertThat(uccxAce.property("Deny").flatMap(PsValue::primitive).orElseThrow().asBoolean()).isFalse();

        PsObject deniedAce = object(document, 2);
        assertThat(deniedAce.property("Identity").orElseThrow()).isSameAs(uccxAce.property("Identity").orElseThrow());
        assertThat(text(deniedAce, "Identity")).isEqualTo("CORP");
        assertThat(deniedAce.property("ExtendedRights").orElseThrow().texts())
                .containsExactly("ms-Exch-Store-Admin", "ms-Exch-Store-Visible");
        assertThat(deniedAce.property("Deny").flatMap(PsValue::primitive).orElseThrow().asBoolean()).isTrue();
    }

    @Test
    void exchange2010ServersVersionAndRoles() throws CliXmlException {
        CliXmlDocument servers = Samples.parse("ps2-exchange-servers.stdout.xml");

        assertThat(servers.output()).extracting(s -> text(s, "AdminDisplayVersion"))
                .containsExactly("Version 14.3 (Build 123.4)", "Version 14.3 (Build 123.4)");
        assertThat(servers.output()).extracting(s -> text(s, "ServerRole"))
                .containsExactly("Mailbox, ClientAccess, HubTransport", "ClientAccess, HubTransport");
        PsValue version = object(servers, 0).property("AdminDisplayVersion").orElseThrow();
        assertThat(version.property("Minor").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(3);
        assertThat(object(servers, 1).property("ServerRole").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(36);
    }

    @Test
    void eventMessagesKeepTheirLineBreaksAndData() throws CliXmlException {
        CliXmlDocument events = Samples.parse("ps2-events-and-registry.stdout.xml");

        PsObject first = object(events, 0);
        assertThat(first.isTypeOf("System.Diagnostics.Eventing.Reader.EventLogRecord")).isTrue();
        assertThat(first.property("Id").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(9646);
        assertThat(first.property("TimeCreated").flatMap(PsValue::primitive).orElseThrow().asInstant())
                .isEqualTo(Instant.parse("2024-03-04T08:12:44.3140625Z"));
        assertThat(text(first, "Message"))
                .startsWith("Mapi session \"/o=CORP/")
                .contains("objects of type \"session\".\r\n\r\nFor more information")
                .doesNotContain("_x000D_");
        List<String> data = first.property("Data").orElseThrow().texts();
        assertThat(data).hasSize(3).first()
                .isEqualTo("/o=CORP/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=uccx-email");

        assertThat(object(events, 1).property("Data").orElseThrow().texts().get(0))
                .startsWith("8d2f3c1a-5b7e-4f9a-b0c2-d4e6f8a0b2c4: /o=CORP/");
    }

    @Test
    void registryValueNamesWithSpaces() throws CliXmlException {
        PsObject registry = object(Samples.parse("ps2-events-and-registry.stdout.xml"), 2);

        assertThat(registry.property("Maximum Allowed Service Sessions Per User").flatMap(PsValue::primitive)
                .orElseThrow().asInt()).isEqualTo(64);
        assertThat(registry.property("maximum allowed sessions per user").flatMap(PsValue::primitive)
                .orElseThrow().asInt()).isEqualTo(32);
        assertThat(text(registry, "PSPath")).endsWith("\\MSExchangeIS\\ParametersSystem");
    }

    @Test
    void errorRecordsOnStderrAreErrorsNotOutput() throws CliXmlException {
        CliXmlDocument stderr = Samples.parse("ps2-errors.stderr.xml");

        assertThat(stderr.output()).isEmpty();
        assertThat(stderr.errors()).containsExactly(
                new PsError("NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand",
                        "No events were found that match the specified selection criteria.",
                        "ObjectNotFound: (:) [Get-WinEvent], Exception",
                        ""),
                new PsError("System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWinEventCommand",
                        "Attempted to perform an unauthorized operation.",
                        "NotSpecified: (EXCH02:String) [Get-WinEvent], UnauthorizedAccessException",
                        "EXCH02"));
        assertThat(stderr.errors().get(0).hasErrorId("NoMatchingEventsFound")).isTrue();
        assertThat(stderr.errors().get(0).categoryName()).isEqualTo("ObjectNotFound");
        assertThat(stderr.errors().get(1).hasErrorId("NoMatchingEventsFound")).isFalse();
        assertThat(stderr.errors().get(1).hasErrorId("System.UnauthorizedAccessException")).isTrue();
    }

    @Test
    void formattedErrorLinesBecomeErrors() throws CliXmlException {
        CliXmlDocument stderr = Samples.parse("ps2-errors-as-text.stderr.xml");

        assertThat(stderr.output()).isEmpty();
        assertThat(stderr.errors()).containsExactly(
                new PsError("NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand",
                        "No events were found that match the specified selection criteria.",
                        "ObjectNotFound: (:) [Get-WinEvent], Exception",
                        ""),
                new PsError("System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWinEventCommand",
                        "Attempted to perform an unauthorized operation.",
                        "NotSpecified: (:) [Get-WinEvent], UnauthorizedAccessException",
                        ""),
                new PsError("6D1B8E3A,Microsoft.Exchange.Management.RecipientTasks.GetMailbox",
                        "The operation couldn't be performed because object 'uccx-mail' couldn't be found on 'DC01.corp.example.com'.",
                        "NotSpecified: (0:Int32) [Get-Mailbox], ManagementObjectNotFoundException",
                        "0"));
    }
}
