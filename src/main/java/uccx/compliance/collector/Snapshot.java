package uccx.compliance.collector;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uccx.compliance.collector.facts.AccountToken;
import uccx.compliance.collector.facts.CasMailbox;
import uccx.compliance.collector.facts.DirectoryAccount;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.ImapSettings;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.collector.facts.MailboxDatabase;
import uccx.compliance.collector.facts.OrganizationPermission;
import uccx.compliance.collector.facts.ReceiveConnector;
import uccx.compliance.collector.facts.ReceiveConnectorBinding;
import uccx.compliance.collector.facts.StoreEvent;
import uccx.compliance.collector.facts.StoreRegistryValue;
import uccx.compliance.collector.facts.ThrottlingPolicy;
import uccx.compliance.collector.facts.WindowsService;

/**
 * Everything one run collected, typed, with the raw output kept as evidence. Targets (servers,
 * connectors) are looked up without regard to letter case, as Exchange does.
 *
 * @param source    where it came from, for example {@code WinRM https://exch01:5986/wsman as audit@CORP}
 * @param rawOutput the CliXml exactly as the script wrote it
 * @param accountToken the UCCX account's SIDs, for weighing permission entries that name its groups
 * @param casMailbox   the UCCX mailbox's protocol settings (Get-CASMailbox), for MBX-01
 * @param uccxAccount  the UCCX account's directory object (enabled, locked out, credential expiry), for MBX-01 and LIVE-01
 * @param connectorBindings every receive connector of the organisation, in scope or not, with what Exchange selects it by
 * @param mailboxDatabases every mailbox database of the organisation and the servers holding its copies
 * @param hostText  text the console host wrote between the objects (banners, WARNING: lines), kept as evidence
 */
public record Snapshot(Instant collectedAt, Duration elapsed, String source, String rawOutput,
                       Fact<List<ExchangeServer>> exchangeServers,
                       Map<String, Fact<ImapSettings>> imapSettings,
                       Map<String, Fact<StoreRegistryValue>> storeRegistry,
                       Map<String, Fact<List<StoreEvent>>> storeEvents,
                       Map<String, Fact<List<WindowsService>>> services,
                       Fact<List<OrganizationPermission>> organizationPermissions,
                       Map<String, Fact<ReceiveConnector>> receiveConnectors,
                       Fact<List<ReceiveConnectorBinding>> connectorBindings,
                       Fact<List<MailboxDatabase>> mailboxDatabases,
                       Fact<Mailbox> uccxMailbox,
                       Fact<List<ThrottlingPolicy>> throttlingPolicies,
                       Fact<AccountToken> accountToken,
                       Fact<CasMailbox> casMailbox,
                       Fact<DirectoryAccount> uccxAccount,
                       List<String> hostText) {

    public Snapshot {
        imapSettings = byTarget(imapSettings);
        storeRegistry = byTarget(storeRegistry);
        storeEvents = byTarget(storeEvents);
        services = byTarget(services);
        receiveConnectors = byTarget(receiveConnectors);
        hostText = List.copyOf(hostText);
    }

    public Fact<ImapSettings> imapSettingsOf(String server) {
        return lookup(imapSettings, FactName.IMAP_SETTINGS, server);
    }

    public Fact<StoreRegistryValue> storeRegistryOf(String server) {
        return lookup(storeRegistry, FactName.REGISTRY, server);
    }

    public Fact<List<StoreEvent>> storeEventsOf(String server) {
        return lookup(storeEvents, FactName.STORE_EVENTS, server);
    }

    /** The Exchange services of one server (MSExchangeIMAP4, MSExchangeIS) that WMI listed. */
    public Fact<List<WindowsService>> servicesOf(String server) {
        return lookup(services, FactName.SERVICES, server);
    }

    public Fact<ReceiveConnector> receiveConnector(String identity) {
        return lookup(receiveConnectors, FactName.RECEIVE_CONNECTORS, identity);
    }

    private static <T> Fact<T> lookup(Map<String, Fact<T>> facts, FactName name, String target) {
        Fact<T> fact = facts.get(target);
        return fact != null ? fact
                : Fact.notCollected(name.sectionName(), target, name.sectionName() + " of " + target,
                "not collected: " + target + " is not in this run's scope");
    }

    private static <T> Map<String, Fact<T>> byTarget(Map<String, Fact<T>> facts) {
        Map<String, Fact<T>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(facts);
        return Collections.unmodifiableMap(sorted);
    }
}
