package uccx.compliance.collector;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import uccx.compliance.collector.clixml.CliXmlDocument;
import uccx.compliance.collector.clixml.PsError;
import uccx.compliance.collector.clixml.PsObject;
import uccx.compliance.collector.clixml.PsValue;
import uccx.compliance.collector.facts.AccountToken;
import uccx.compliance.collector.facts.CasMailbox;
import uccx.compliance.collector.facts.DirectoryAccount;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.ImapSettings;
import uccx.compliance.collector.facts.Limit;
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
 * Turns the collector script's CliXml records into a {@link Snapshot}. The script writes, per fact
 * and target, its data records and one status record; a target without a status record was never
 * reached (the script stopped early), and says so.
 */
public final class SnapshotReader {

    /** On PowerShell 2.0, Get-WinEvent reports "no event matched" as this error: zero events, not a failure. */
    static final String NO_MATCHING_EVENTS = "NoMatchingEventsFound";

    private static final Set<String> POLICY_PROPERTIES_THAT_ARE_NOT_BUDGETS = Set.of(
            "uccxrecord", "uccxfact", "uccxtarget", "name", "isdefault", "identity", "distinguishedname", "guid",
            "objectcategory", "objectclass", "whenchanged", "whencreated", "whenchangedutc", "whencreatedutc",
            "organizationid", "originatingserver", "isvalid", "exchangeversion", "objectstate", "id",
            "isserviceaccount", "runspaceid", "psshowcomputername", "pscomputername", "adminDisplayName".toLowerCase(Locale.ROOT));

    private final CollectionScope scope;

    public SnapshotReader(CollectionScope scope) {
        this.scope = scope;
    }

    public Snapshot read(CliXmlDocument output, String rawOutput, String source, Instant collectedAt, Duration elapsed) {
        Records records = Records.of(output);
        return snapshot(records, records.whyIncomplete(), rawOutput, source + records.stamp(), collectedAt, elapsed);
    }

    /** The snapshot of a run whose one command never ran or could not be read: every fact fails for that reason. */
    public Snapshot unreachable(String source, String reason, String rawOutput, Instant collectedAt, Duration elapsed) {
        Records none = new Records(Map.of(), Map.of(), Optional.empty(), List.of(), Optional.of(source), List.of());
        return snapshot(none, reason, rawOutput, source, collectedAt, elapsed);
    }

    private Snapshot snapshot(Records records, String stopped, String rawOutput, String source, Instant collectedAt, Duration elapsed) {
        return new Snapshot(collectedAt, elapsed, source, rawOutput,
                records.fact(FactName.EXCHANGE_SERVERS, "", "Get-ExchangeServer", stopped, list(SnapshotReader::exchangeServer)),
                perTarget(records, FactName.IMAP_SETTINGS, scope.clientAccessServers(), s -> "Get-ImapSettings -Server " + s, stopped,
                        single(SnapshotReader::imapSettings)),
                perTarget(records, FactName.REGISTRY, scope.mailboxServers(), s -> "remote registry on " + s, stopped,
                        single(SnapshotReader::storeRegistry)),
                perTarget(records, FactName.STORE_EVENTS, scope.mailboxServers(), s -> "Application event log on " + s, stopped,
                        list(SnapshotReader::storeEvent)),
                perTarget(records, FactName.SERVICES, serviceServers(), s -> "WMI Win32_Service on " + s, stopped,
                        list(SnapshotReader::windowsService)),
                records.fact(FactName.ORGANIZATION_PERMISSIONS, scope.account(),
                        "Get-OrganizationConfig | Get-ADPermission on the organization", stopped, list(SnapshotReader::permission)),
                ListedConnectors.inScope(records.fact(FactName.RECEIVE_CONNECTORS, "", ListedConnectors.HOP, stopped, objects -> objects),
                        scope.receiveConnectors(), SnapshotReader::receiveConnector),
                records.fact(FactName.RECEIVE_CONNECTORS, "", ListedConnectors.HOP, stopped, list(SnapshotReader::connectorBinding)),
                records.fact(FactName.MAILBOX_DATABASES, "", "Get-MailboxDatabase", stopped, list(SnapshotReader::mailboxDatabase)),
                records.fact(FactName.MAILBOX, scope.mailbox(), "Get-Mailbox -Identity " + scope.mailbox(), stopped,
                        single(SnapshotReader::mailbox)),
                records.fact(FactName.THROTTLING_POLICIES, "", "Get-ThrottlingPolicy", stopped, list(SnapshotReader::throttlingPolicy)),
                records.fact(FactName.ACCOUNT_GROUPS, scope.account(), "Get-User -Identity " + scope.account()
                        + ", then its Windows logon token", stopped, objects -> accountToken(scope.account(), objects)),
                records.fact(FactName.CAS_MAILBOX, scope.mailbox(), "Get-CASMailbox -Identity " + scope.mailbox(), stopped,
                        single(SnapshotReader::casMailbox)),
                records.fact(FactName.ACCOUNT, scope.account(), "Get-User -Identity " + scope.account() + ", then its directory object",
                        stopped, single(SnapshotReader::directoryAccount)),
                records.hostText());
    }

    private static <T> Map<String, Fact<T>> perTarget(Records records, FactName name, List<String> targets,
                                                      Function<String, String> hop, String stopped,
                                                      Function<List<PsObject>, T> convert) {
        Map<String, Fact<T>> facts = new LinkedHashMap<>();
        for (String target : targets) {
            facts.put(target, records.fact(name, target, hop.apply(target), stopped, convert));
        }
        return facts;
    }

    /** The servers whose services are read: every Client Access and Mailbox server, once each. */
    private List<String> serviceServers() {
        Map<String, String> servers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> ordered = new ArrayList<>();
        for (String server : java.util.stream.Stream.concat(scope.clientAccessServers().stream(), scope.mailboxServers().stream()).toList()) {
            if (servers.putIfAbsent(server, server) == null) {
                ordered.add(server);
            }
        }
        return ordered;
    }

    private static <T> Function<List<PsObject>, List<T>> list(Function<PsObject, T> one) {
        return objects -> objects.stream().map(one).toList();
    }

    private static <T> Function<List<PsObject>, T> single(Function<PsObject, T> one) {
        return objects -> {
            if (objects.size() != 1) {
                throw new IllegalArgumentException("expected one object, the command returned " + objects.size());
            }
            return one.apply(objects.get(0));
        };
    }

    private static ExchangeServer exchangeServer(PsObject o) {
        String roles = optionalText(o, "ServerRole").orElse("");
        Set<String> roleSet = java.util.Arrays.stream(roles.split("[,\\s]+")).filter(r -> !r.isBlank()).collect(Collectors.toSet());
        return new ExchangeServer(text(o, "Name"), text(o, "AdminDisplayVersion"), roleSet);
    }

    private static ImapSettings imapSettings(PsObject o) {
        // WhenChangedUTC where the output has it, else WhenChanged (a DateTime with its offset); either may be absent.
        Optional<Instant> changed = optionalText(o, "WhenChangedUTC").filter(t -> t != null && !t.isBlank())
                .or(() -> optionalText(o, "WhenChanged").filter(t -> t != null && !t.isBlank()))
                .map(t -> instant("WhenChanged", t));
        return new ImapSettings(text(o, "UccxTarget"), limit(o, "MaxCommandSize"), limit(o, "MaxConnectionFromSingleIP"),
                limit(o, "MaxConnections"), limit(o, "MaxConnectionsPerUser"), optionalText(o, "LoginType").orElse(""), changed);
    }

    private static WindowsService windowsService(PsObject o) {
        return new WindowsService(text(o, "UccxTarget"), text(o, "Name"), optionalText(o, "StartMode").orElse(""),
                optionalText(o, "State").orElse(""), optionalText(o, "ProcessId").filter(t -> t != null && !t.isBlank())
                .map(t -> Long.parseLong(t.trim())).orElse(0L),
                WindowsService.parseCimDateTime(optionalText(o, "StartedAt").orElse("")));
    }

    private static StoreRegistryValue storeRegistry(PsObject o) {
        OptionalLong value = optionalText(o, "Value").map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
        return new StoreRegistryValue(text(o, "UccxTarget"), text(o, "Key"), text(o, "ValueName"), value, text(o, "ValueKind"));
    }

    private static StoreEvent storeEvent(PsObject o) {
        return new StoreEvent(text(o, "UccxTarget"), instant(text(o, "TimeCreated")), optionalText(o, "MailboxDn").orElse(""),
                optionalText(o, "Limit").orElse(""), optionalText(o, "ObjectType").orElse(""), optionalText(o, "Message").orElse(""));
    }

    private static OrganizationPermission permission(PsObject o) {
        List<String> rights = o.property("ExtendedRights").map(PsValue::texts).orElse(List.of());
        return new OrganizationPermission(text(o, "User"), rights, optionalText(o, "AccessRights").orElse(""),
                bool(o, "Deny"), optionalText(o, "IsInherited").map(Boolean::parseBoolean).orElse(false));
    }

    private static AccountToken accountToken(String account, List<PsObject> objects) {
        return new AccountToken(account, objects.stream().map(o -> new AccountToken.Identity(optionalText(o, "Kind").orElse("group"),
                text(o, "Sid"), optionalText(o, "Name").orElse(""))).toList());
    }

    private static ReceiveConnector receiveConnector(PsObject o) {
        return new ReceiveConnector(optionalText(o, "Identity").orElse(text(o, "UccxTarget")), limit(o, "MaxInboundConnection"),
                limit(o, "MessageRateLimit"), limit(o, "MaxInboundConnectionPercentagePerSource"),
                limit(o, "MaxInboundConnectionPerSource"));
    }

    /**
     * What selects the connector, from every connector Get-ReceiveConnector listed. Output of a script
     * older than SMTP-02 lacks Bindings and RemoteIPRanges: that is "not collected", never a guess.
     * Server is Identity's prefix when the record lacks it (Identity is SERVER\Connector Name).
     */
    private static ReceiveConnectorBinding connectorBinding(PsObject o) {
        String identity = optionalText(o, "Identity").orElse(text(o, "UccxTarget"));
        String server = optionalText(o, "Server").filter(t -> !t.isBlank())
                .orElse(identity.contains("\\") ? identity.substring(0, identity.indexOf('\\')) : "");
        List<String> bindings = o.property("Bindings").map(PsValue::texts)
                .orElseThrow(() -> new IllegalArgumentException(identity + " has no Bindings (output of a script older than SMTP-02?)"));
        List<String> ranges = o.property("RemoteIPRanges").map(PsValue::texts)
                .orElseThrow(() -> new IllegalArgumentException(identity + " has no RemoteIPRanges (output of a script older than SMTP-02?)"));
        boolean enabled = optionalText(o, "Enabled").map(e -> !e.trim().equalsIgnoreCase("false")).orElse(true);
        return new ReceiveConnectorBinding(identity, server, enabled, bindings, ranges);
    }

    private static MailboxDatabase mailboxDatabase(PsObject o) {
        return new MailboxDatabase(text(o, "Name"), o.property("Servers").map(PsValue::texts).orElse(List.of()),
                optionalText(o, "MountedOnServer").orElse(""));
    }

    private static Mailbox mailbox(PsObject o) {
        return new Mailbox(text(o, "PrimarySmtpAddress"), optionalText(o, "SamAccountName").orElse(""),
                text(o, "LegacyExchangeDN"), optionalText(o, "ThrottlingPolicy").filter(p -> !p.isBlank()),
                optionalText(o, "Database").filter(d -> !d.isBlank()));
    }

    private static CasMailbox casMailbox(PsObject o) {
        return new CasMailbox(optionalText(o, "Identity").orElse(text(o, "UccxTarget")), bool(o, "ImapEnabled"));
    }

    /** Each attribute as the directory gave it; one it did not give is absent (an older DC constructs no computed ones). */
    private static DirectoryAccount directoryAccount(PsObject o) {
        return new DirectoryAccount(text(o, "DistinguishedName"), number(o, "UserAccountControl").orElseThrow(
                () -> new IllegalArgumentException("property UserAccountControl is missing or empty")),
                number(o, "ComputedFlags"), number(o, "PwdLastSet").orElse(0), number(o, "LockoutTime").orElse(0),
                number(o, "PwdExpiresComputed"), number(o, "MaxPwdAge"));
    }

    private static OptionalLong number(PsObject o, String property) {
        Optional<String> text = optionalText(o, property).map(String::trim).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + " '" + text.get() + "' is not a whole number");
        }
    }

    private static ThrottlingPolicy throttlingPolicy(PsObject o) {
        Map<String, Optional<String>> budgets = new LinkedHashMap<>();
        o.properties().forEach((name, value) -> {
            if (!POLICY_PROPERTIES_THAT_ARE_NOT_BUDGETS.contains(name.toLowerCase(Locale.ROOT))) {
                budgets.put(name, Optional.ofNullable(value.text()).filter(v -> !v.isEmpty()));
            }
        });
        return new ThrottlingPolicy(text(o, "Name"), bool(o, "IsDefault"), budgets);
    }

    private static String text(PsObject o, String property) {
        return optionalText(o, property).orElseThrow(() -> new IllegalArgumentException("property " + property + " is missing or empty"));
    }

    private static Optional<String> optionalText(PsObject o, String property) {
        return o.property(property).map(PsValue::text);
    }

    private static Limit limit(PsObject o, String property) {
        try {
            return Limit.parse(text(o, property));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ": " + e.getMessage());
        }
    }

    private static boolean bool(PsObject o, String property) {
        return Boolean.parseBoolean(text(o, property).trim());
    }

    private static Instant instant(String text) {
        return instant("TimeCreated", text);
    }

    private static Instant instant(String property, String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text.trim()).atZone(java.time.ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException(property + " '" + text + "' is not a date");
            }
        }
    }

    /**
     * The script's time stamp as an instant. The script writes a DateTime, which CliXml carries in one
     * invariant form; text from an older script may carry the culture's time separator instead of
     * ':', and is then shown as written, saying so.
     */
    private static String collectedAt(String written) {
        try {
            return java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                    OffsetDateTime.parse(written.trim()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        } catch (DateTimeParseException notIso) {
            return "'" + written.trim() + "' (not a date this suite reads; written in the server's culture)";
        }
    }

    /** The setup's status record of the Exchange session (not a fact: no control reads it). */
    static final String EXCHANGE_SESSION = "exchangeSession";

    /** The script's records, grouped by fact and target. */
    private record Records(Map<String, List<PsObject>> data, Map<String, PsObject> statuses, Optional<PsObject> end, List<PsError> errors,
                           Optional<String> failedHop, List<String> hostText) {

        static Records of(CliXmlDocument document) {
            Map<String, List<PsObject>> data = new LinkedHashMap<>();
            Map<String, PsObject> statuses = new LinkedHashMap<>();
            PsObject ended = null;
            for (PsValue value : document.output()) {
                if (!(value instanceof PsObject o)) {
                    continue;
                }
                String kind = o.property("UccxRecord").map(PsValue::text).orElse("");
                switch (kind) {
                    case "fact" -> data.computeIfAbsent(key(o), k -> new ArrayList<>()).add(o);
                    case "status" -> statuses.put(key(o), o);
                    case "end" -> ended = o;
                    case "progress" -> {
                        // The script was still waiting for servers' own Windows facts: it kept the command alive, and says nothing of a fact.
                    }
                    default -> {
                        // Output of something else (a profile, a banner): not ours, not evidence of anything.
                    }
                }
            }
            return new Records(data, statuses, Optional.ofNullable(ended), document.errors(), Optional.empty(), document.hostText());
        }

        /** When and where the script says it ran, from its end record: for a replayed file the only word on that. */
        String stamp() {
            return end.map(e -> {
                String at = e.property("CollectedAt").map(PsValue::text).filter(t -> t != null && !t.isBlank())
                        .map(SnapshotReader::collectedAt).orElse("");
                String on = e.property("ComputerName").map(PsValue::text).filter(t -> t != null && !t.isBlank()).orElse("");
                String ps = e.property("PSVersion").map(PsValue::text).filter(t -> t != null && !t.isBlank()).orElse("");
                if (at.isEmpty() && on.isEmpty()) {
                    return "";
                }
                return "; the script ran" + (at.isEmpty() ? "" : " at " + at) + (on.isEmpty() ? "" : " on " + on)
                        + (ps.isEmpty() ? "" : " (PowerShell " + ps + ")");
            }).orElse("");
        }

        private static String key(PsObject o) {
            String fact = o.property("UccxFact").map(PsValue::text).orElse("");
            String target = o.property("UccxTarget").map(PsValue::text).orElse("");
            return key(fact, target == null ? "" : target);
        }

        private static String key(String fact, String target) {
            return fact + "\u0000" + target.toLowerCase(Locale.ROOT);
        }

        /** Why a fact may lack its status record: the script's own error, or output cut short. */
        String whyIncomplete() {
            if (!errors.isEmpty()) {
                PsError first = errors.get(0);
                return "the script stopped: " + first.message() + " (" + first.fullyQualifiedErrorId() + ")"
                        + Prerequisite.advice(Prerequisite.behind(null, "", first.message(), first.fullyQualifiedErrorId()), "")
                        .map(p -> "; " + p).orElse("");
            }
            return end.isPresent() ? "the script wrote no status for it" : "the script's output ended before this fact was collected";
        }

        /**
         * Why the Exchange session did not open, when the script says so: every Exchange cmdlet after
         * it then fails for that reason, not its own ("not recognized" would point at a missing role).
         */
        Optional<String> sessionFailure() {
            return Optional.ofNullable(statuses.get(key(EXCHANGE_SESSION, ""))).filter(s -> !s.property("Status").map(PsValue::text)
                    .orElse("").equals("collected")).map(s -> {
                        String hop = s.property("Hop").map(PsValue::text).orElse("");
                        String message = s.property("Message").map(PsValue::text).orElse("");
                        String errorId = s.property("ErrorId").map(PsValue::text).orElse("");
                        return "the Exchange session did not open (" + hop + ": " + (message == null ? "" : message.trim())
                                + (errorId == null || errorId.isBlank() ? "" : " (" + errorId + ")") + ")"
                                + Prerequisite.advice(Prerequisite.behind(null, hop, message, errorId), "").map(p -> "; " + p).orElse("");
                    });
        }

        <T> Fact<T> fact(FactName name, String target, String hop, String stopped, Function<List<PsObject>, T> convert) {
            String factName = name.sectionName();
            PsObject status = statuses.get(key(factName, target));
            if (status == null) {
                // When the whole command failed, the fact's own cmdlet is named and the reason names the failed hop.
                return failedHop.isPresent() ? Fact.notCollected(factName, target, hop, "not collected: " + stopped)
                        : Fact.notCollected(factName, target, hop, stopped);
            }
            String statusHop = status.property("Hop").map(PsValue::text).filter(h -> !h.isBlank()).orElse(hop);
            // A fact of the whole organisation (target '') owns every record of that fact, whatever each one is about.
            List<PsObject> objects = target.isEmpty()
                    ? data.entrySet().stream().filter(e -> e.getKey().startsWith(factName + "\u0000"))
                            .flatMap(e -> e.getValue().stream()).toList()
                    : data.getOrDefault(key(factName, target), List.of());
            String outcome = status.property("Status").map(PsValue::text).orElse("");
            Optional<String> noSession = name.readThroughExchange() ? sessionFailure() : Optional.empty();
            if (!outcome.equals("collected") && noSession.isPresent()) {
                return Fact.notCollected(factName, target, statusHop, noSession.get());
            }
            if (!outcome.equals("collected")) {
                String errorId = status.property("ErrorId").map(PsValue::text).orElse("");
                String message = status.property("Message").map(PsValue::text).orElse("");
                if (name == FactName.STORE_EVENTS && errorId != null && errorId.startsWith(NO_MATCHING_EVENTS)) {
                    return Fact.collected(factName, target, convert.apply(List.of()));
                }
                String reason = (message == null || message.isBlank() ? "failed" : message.trim())
                        + (errorId == null || errorId.isBlank() ? "" : " (" + errorId + ")");
                return Fact.notCollected(factName, target, statusHop,
                        reason + Prerequisite.advice(Prerequisite.behind(name, statusHop, message, errorId), target).map(p -> "; " + p)
                                .orElse(""));
            }
            try {
                return Fact.collected(factName, target, convert.apply(objects));
            } catch (RuntimeException unexpected) {
                return Fact.notCollected(factName, target, statusHop, "unexpected output: " + unexpected.getMessage());
            }
        }
    }
}
