package uccx.compliance.lab.powershell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uccx.compliance.lab.LabState;
import uccx.compliance.lab.LabState.Server;

/**
 * What each fact section of the collector script writes when it runs on Exchange 2010 with
 * PowerShell 2.0, computed from the lab state: the same records, type names, {@code $null}s,
 * {@code unlimited}s and errors a real organisation would give.
 */
final class ExchangeAnswers {

    private static final String DESERIALIZED = "Deserialized.";
    private static final String EXCHANGE_DC = "dc01.lab.example.com";

    /**
     * The facts read with an Exchange cmdlet, and that cmdlet. Connect-ExchangeServer loads them as
     * proxy functions of an implicit-remoting module: the caller's $ErrorActionPreference does not
     * reach them and a remote error can come back non-terminating even with -ErrorAction Stop
     * (MicrosoftDocs/PowerShell-Docs issue 1583), so the lab plays the worst case: their errors
     * never throw. The registry (.NET) and Get-WinEvent run in the script's own session and do.
     */
    private static final Map<String, String> EXCHANGE_CMDLETS = Map.of("exchangeServers", "Get-ExchangeServer",
            "imapSettings", "Get-ImapSettings", "organizationPermissions", "Get-ADPermission", "accountGroups", "Get-User",
            "receiveConnectors", "Get-ReceiveConnector", "mailbox", "Get-Mailbox", "throttlingPolicies", "Get-ThrottlingPolicy");

    private final LabState state;
    private final Clock clock;
    private final ScriptSections script;
    private final CmdletCalls cmdlets;
    private final List<Serialized> errorStream = new ArrayList<>();
    private final DirectoryAnswers directory;
    private final SecondHops hops;
    private boolean sessionOpen = true;
    private String sectionBody = "";

    ExchangeAnswers(LabState state, Clock clock, ScriptSections script, CmdletCalls cmdlets, SecondHops hops) {
        this.hops = hops;
        this.state = state;
        this.clock = clock;
        this.script = script;
        this.cmdlets = cmdlets;
        this.directory = new DirectoryAnswers(state);
    }

    /** The records of one fact section, or empty when the lab does not know the section. */
    Optional<List<Serialized>> answer(ScriptSections.Section section) {
        String fact = section.name().substring("fact:".length());
        sectionBody = section.body();
        return Optional.ofNullable(switch (fact) {
            case "exchangeServers" -> exchangeServers();
            case "imapSettings" -> perTarget(fact, script.list("UccxClientAccessServers"), s -> "Get-ImapSettings -Server " + s, this::imapSettings);
            case "registry" -> perTarget(fact, script.list("UccxMailboxServers"), s -> "remote registry on " + s, this::registry);
            case "storeEvents" -> perTarget(fact, script.list("UccxMailboxServers"), s -> "Application event log on " + s, this::storeEvents);
            case "organizationPermissions" -> perTarget(fact, List.of(script.value("UccxAccount")),
                    a -> "Get-OrganizationConfig | Get-ADPermission on the organization", a -> directory.permissions(a, sectionBody));
            case "accountGroups" -> perTarget(fact, List.of(script.value("UccxAccount")),
                    a -> "Get-User -Identity " + a + ", then its Windows logon token", directory::accountGroups);
            case "receiveConnectors" -> perTarget(fact, script.list("UccxReceiveConnectors"), c -> "Get-ReceiveConnector -Identity '" + c + "'",
                    this::receiveConnector);
            case "mailbox" -> perTarget(fact, List.of(script.value("UccxMailbox")), m -> "Get-Mailbox -Identity " + m, this::mailbox);
            case "throttlingPolicies" -> perTarget(fact, List.of(""), t -> "Get-ThrottlingPolicy", t -> throttlingPolicies());
            default -> null;
        });
    }

    /**
     * The setup section's status of the Exchange session, when the section writes one. Without a
     * credential of the audit account on the server the session does not open, and every Exchange
     * cmdlet after it is missing.
     */
    List<Serialized> setup(ScriptSections.Section section) {
        if (!section.body().contains("'exchangeSession'")) {
            return List.of();
        }
        sessionOpen = hops.exchangeSession(section.body());
        String fqdn = (state.servers().isEmpty() ? "exch01" : state.servers().get(0).name()).toLowerCase(Locale.ROOT) + ".lab.example.com";
        boolean withCredential = sessionOpen && !hops.forwardedTicket();
        String hop = withCredential ? "New-PSSession http://" + fqdn + "/PowerShell/ with the audit account's credential"
                : "Connect-ExchangeServer -auto";
        return List.of(status("exchangeSession", "", hop, sessionOpen ? null
                : new CmdletError(SecondHops.sessionRefusal(fqdn), SecondHops.SESSION_ERROR_ID)));
    }

    /** The script's end record, its CollectedAt as the end section writes it (see {@link DateText}). */
    Serialized end(ScriptSections.Section section) {
        return Serialized.customObject(null).with("UccxRecord", "end").with("PSVersion", "2.0")
                .with("CollectedAt", DateText.of(section.body(), clock.instant(), state.windows().timeSeparator()))
                .with("ComputerName", state.servers().isEmpty() ? "" : state.servers().get(0).name()).build();
    }

    /** The error records the sections wrote to the error stream (non-terminating errors), in order. */
    List<Serialized> errorStream() {
        return List.copyOf(errorStream);
    }

    private interface Reader {
        List<Serialized> read(String target) throws CmdletError;
    }

    /** A cmdlet's terminating error, as the script's catch block sees it. */
    static final class CmdletError extends Exception {
        private final String errorId;

        CmdletError(String message, String errorId) {
            super(message);
            this.errorId = errorId;
        }
    }

    private List<Serialized> perTarget(String fact, List<String> targets, java.util.function.Function<String, String> hop, Reader reader) {
        List<Serialized> records = new ArrayList<>();
        for (String target : targets) {
            if (!sessionOpen && EXCHANGE_CMDLETS.containsKey(fact)) {
                // No session, no proxy function: PowerShell itself refuses the name, and Exchange is never asked.
                String first = fact.equals("organizationPermissions") ? "Get-OrganizationConfig" : EXCHANGE_CMDLETS.get(fact);
                records.add(status(fact, target, hop.apply(target), new CmdletError("The term '" + first + "' is not recognized as the "
                        + "name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path "
                        + "was included, verify that the path is correct and try again.", "CommandNotFoundException")));
                continue;
            }
            // A failing call costs as much as one that answers: Exchange is asked either way.
            cmdlets.call();
            var injected = state.faults().failureOf(fact, target);
            try {
                if (injected.isPresent()) {
                    throw new CmdletError(injected.get().message(), injected.get().errorId());
                }
                records.addAll(reader.read(target));
                records.add(status(fact, target, hop.apply(target), null));
            } catch (CmdletError e) {
                String cmdlet = EXCHANGE_CMDLETS.get(fact);
                if (cmdlet == null) {
                    // A terminating error: the script's catch block writes the failed status; nothing reaches the error stream.
                    records.add(status(fact, target, hop.apply(target), e));
                } else {
                    // Non-terminating: written to the error stream, and the status says what the section makes of it.
                    errorStream.add(ErrorRecordShape.ofCmdlet(e.getMessage(), e.errorId, cmdlet, target));
                    boolean captured = ScriptSections.capturesErrorsOf(sectionBody, cmdlet);
                    records.add(status(fact, target, hop.apply(target), captured ? e : null));
                }
            }
        }
        return records;
    }

    private List<Serialized> exchangeServers() {
        return perTarget("exchangeServers", List.of(""), t -> "Get-ExchangeServer", t -> state.servers().stream().map(s -> (Serialized)
                record("exchangeServers", s.name(), "Microsoft.Exchange.Data.Directory.Management.ExchangeServer")
                        .with("Name", s.name())
                        .with("AdminDisplayVersion", new Serialized.Obj(List.of(DESERIALIZED + "Microsoft.Exchange.Data.ServerVersion",
                                DESERIALIZED + "System.Object"), Optional.of(s.adminDisplayVersion()), Optional.empty(), List.of()))
                        .with("ServerRole", serverRole(s))
                        .with("IsClientAccessServer", new Serialized.Bool(s.hasRole("ClientAccess")))
                        .with("IsMailboxServer", new Serialized.Bool(s.hasRole("Mailbox")))
                        .with("IsHubTransportServer", new Serialized.Bool(s.hasRole("HubTransport")))
                        .build()).toList());
    }

    private static Serialized serverRole(Server s) {
        int flags = (s.hasRole("Mailbox") ? 2 : 0) | (s.hasRole("ClientAccess") ? 4 : 0) | (s.hasRole("HubTransport") ? 32 : 0);
        return new Serialized.Obj(List.of(DESERIALIZED + "Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole",
                DESERIALIZED + "System.Enum", DESERIALIZED + "System.ValueType", DESERIALIZED + "System.Object"),
                Optional.of(String.join(", ", s.roles())), Optional.of(Serialized.int32(flags)), List.of());
    }

    private List<Serialized> imapSettings(String server) throws CmdletError {
        Server s = serverWithRole(server, "ClientAccess", "Get-ImapSettings");
        // Exchange 2010's Get-ImapSettings returns an Imap4AdConfiguration (a sealed PopImapAdConfiguration)
        // whose connection limits are plain System.Int32 (Exchange 2010 SDK, PopImapAdConfiguration.MaxConnections
        // and MaxConnectionFromSingleIP: "Type: System.Int32"; Set-ImapSettings takes them as <Int32>).
        return List.of(record("imapSettings", server, "Microsoft.Exchange.Data.Directory.SystemConfiguration.Imap4AdConfiguration")
                .with("MaxCommandSize", number(s.imapSetting("MaxCommandSize")))
                .with("MaxConnectionFromSingleIP", number(s.imapSetting("MaxConnectionFromSingleIP")))
                .with("MaxConnections", number(s.imapSetting("MaxConnections")))
                .with("MaxConnectionsPerUser", number(s.imapSetting("MaxConnectionsPerUser")))
                .with("LoginType", enumValue("Microsoft.Exchange.Data.Directory.SystemConfiguration.LoginOptions", s.imapSetting("LoginType")))
                .build());
    }

    private List<Serialized> registry(String server) throws CmdletError {
        if (!hops.otherServer(sectionBody)) {
            throw new CmdletError("Exception calling \"OpenRemoteBaseKey\" with \"2\" argument(s): \"" + SecondHops.UNAUTHORIZED + "\"",
                    "UnauthorizedAccessException");
        }
        Server s = state.server(server).orElseThrow(() -> new CmdletError(
                "Exception calling \"OpenRemoteBaseKey\" with \"2\" argument(s): \"The network path was not found.\r\n\"",
                "DotNetMethodException"));
        String kind;
        Serialized value;
        Optional<Long> dword = s.registryValue(LabState.STORE_KEY, LabState.SERVICE_SESSIONS_VALUE);
        if (dword.isPresent()) {
            kind = "DWord";
            value = Serialized.int32(dword.get());
        } else {
            kind = s.hasRegistryKey(LabState.STORE_KEY) ? "ValueMissing" : "KeyMissing";
            value = new Serialized.Nil();
        }
        // New-Object PSObject -Property @{...} keeps no order: PowerShell 2.0 writes a hashtable's keys as they hash.
        return List.of(Serialized.customObject(null).with("ValueKind", kind).with("UccxTarget", server)
                .with("Key", LabState.STORE_KEY).with("UccxFact", "registry").with("Value", value)
                .with("ValueName", LabState.SERVICE_SESSIONS_VALUE).with("UccxRecord", "fact").build());
    }

    private List<Serialized> storeEvents(String server) throws CmdletError {
        if (!hops.otherServer(sectionBody)) {
            throw new CmdletError(SecondHops.UNAUTHORIZED, "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWinEventCommand");
        }
        Server s = state.server(server).orElseThrow(() -> new CmdletError("The RPC server is unavailable", "System.Diagnostics.Eventing.Reader.EventLogException,Microsoft.PowerShell.Commands.GetWinEventCommand"));
        int lookbackHours = Integer.parseInt(script.value("UccxEventLookbackHours").isBlank() ? "24" : script.value("UccxEventLookbackHours"));
        Instant now = clock.instant();
        List<Serialized> events = new ArrayList<>();
        for (LabState.Event e : s.events()) {
            boolean inWindow = e.minutesAgo() <= Duration.ofHours(lookbackHours).toMinutes();
            if (!inWindow || e.id() != 9646 || !e.source().equalsIgnoreCase("MSExchangeIS")) {
                continue;
            }
            String dn = state.mailbox(e.mailbox()).map(LabState.Mailbox::legacyExchangeDn).orElse(e.mailbox());
            // Published events show "<guid>: /o=..." and a bare DN; mailboxDnField gives any other form as written.
            String field = e.mailboxDnField().orElseGet(() -> e.guidPrefix()
                    ? UUID.nameUUIDFromBytes(dn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ": " + dn : dn);
            events.add(record("storeEvents", server, "System.Diagnostics.Eventing.Reader.EventLogRecord")
                    .with("Id", Serialized.int32(9646))
                    .with("ProviderName", "MSExchangeIS")
                    .with("TimeCreated", new Serialized.Time(now.minus(Duration.ofMinutes(e.minutesAgo()))))
                    .with("MailboxDn", field)
                    .with("Limit", Integer.toString(e.limit()))
                    .with("ObjectType", e.objectType())
                    .with("Message", "Mapi session \"" + field + "\" exceeded the maximum of " + e.limit() + " objects of type \""
                            + e.objectType() + "\".\r\n")
                    .build());
        }
        if (events.isEmpty()) {
            throw new CmdletError("No events were found that match the specified selection criteria.",
                    "NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand");
        }
        return events;
    }

    private List<Serialized> receiveConnector(String identity) throws CmdletError {
        LabState.ReceiveConnector c = state.receiveConnectors().stream().filter(r -> r.identity().equalsIgnoreCase(identity)).findFirst()
                .orElseThrow(() -> notFound(identity));
        return List.of(record("receiveConnectors", identity, "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector")
                .with("Identity", adObjectId(c.identity()))
                .with("MaxInboundConnection", unlimitedInt(c.limit("MaxInboundConnection")))
                .with("MessageRateLimit", unlimitedInt(c.limit("MessageRateLimit")))
                .with("MaxInboundConnectionPercentagePerSource", number(c.limit("MaxInboundConnectionPercentagePerSource")))
                .with("MaxInboundConnectionPerSource", unlimitedInt(c.limit("MaxInboundConnectionPerSource")))
                .build());
    }

    private List<Serialized> mailbox(String identity) throws CmdletError {
        LabState.Mailbox m = state.mailbox(identity).orElseThrow(() -> notFound(identity));
        return List.of(record("mailbox", identity, "Microsoft.Exchange.Data.Directory.Management.Mailbox")
                .with("PrimarySmtpAddress", new Serialized.Obj(List.of(DESERIALIZED + "Microsoft.Exchange.Data.SmtpAddress",
                        DESERIALIZED + "System.ValueType", DESERIALIZED + "System.Object"), Optional.of(m.primarySmtpAddress()),
                        Optional.empty(), List.of()))
                .with("SamAccountName", m.samAccountName().contains("\\") ? m.samAccountName().substring(m.samAccountName().indexOf('\\') + 1)
                        : m.samAccountName())
                .with("LegacyExchangeDN", m.legacyExchangeDn())
                .with("ThrottlingPolicy", m.throttlingPolicy().map(ExchangeAnswers::adObjectId).orElse(new Serialized.Nil()))
                .with("ServerName", state.servers().stream().filter(s -> s.hasRole("Mailbox")).map(s -> s.name().toLowerCase(Locale.ROOT))
                        .findFirst().orElse(""))
                .build());
    }

    private List<Serialized> throttlingPolicies() {
        return state.throttlingPolicies().stream().map(p -> {
            Serialized.Builder policy = record("throttlingPolicies", p.name(), "Microsoft.Exchange.Data.Directory.Management.ThrottlingPolicy")
                    .with("Name", p.name())
                    .with("IsDefault", new Serialized.Bool(p.isDefault()));
            // $null budgets stay Nil: Exchange 2010 shows them empty, not as "Unlimited".
            p.budgets().forEach((budget, value) -> policy.with(budget, value.map(ExchangeAnswers::budget).orElse(new Serialized.Nil())));
            return (Serialized) policy.with("Identity", adObjectId(p.name())).build();
        }).toList();
    }

    private Server serverWithRole(String name, String role, String cmdlet) throws CmdletError {
        Server s = state.server(name).orElseThrow(() -> notFound(name));
        if (!s.hasRole(role)) {
            throw new CmdletError("The " + cmdlet.substring(4) + " object for server " + name + " could not be found. Make sure that the "
                    + role + " server role is installed.", "ManagementObjectNotFoundException");
        }
        return s;
    }

    static CmdletError notFound(String identity) {
        return new CmdletError("The operation couldn't be performed because object '" + identity + "' couldn't be found on '"
                + EXCHANGE_DC + "'.", "ManagementObjectNotFoundException");
    }

    static Serialized.Builder record(String fact, String target, String exchangeType) {
        return Serialized.customObject("Selected." + DESERIALIZED + exchangeType)
                .with("UccxRecord", "fact").with("UccxFact", fact).with("UccxTarget", target);
    }

    private static Serialized status(String fact, String target, String hop, CmdletError failure) {
        // The script builds it with New-Object PSObject -Property @{...}: PowerShell 2.0 keeps no key order.
        return Serialized.customObject(null)
                .with("Status", failure == null ? "collected" : "failed")
                .with("ErrorId", failure == null ? "" : failure.errorId)
                .with("UccxTarget", target)
                .with("Hop", hop)
                .with("UccxFact", fact)
                .with("Message", failure == null ? "" : failure.getMessage())
                .with("ErrorCount", Serialized.int32(failure == null ? 0 : 1))
                .with("UccxRecord", "status")
                .build();
    }

    /** Exchange's Unlimited&lt;int&gt;: ToString {@code unlimited} (2010 prints it lower case) or the number. */
    private static Serialized unlimitedInt(String text) {
        boolean unlimited = text.trim().equalsIgnoreCase("unlimited");
        return new Serialized.Obj(List.of(DESERIALIZED + "Microsoft.Exchange.Data.Unlimited`1[[System.Int32, mscorlib, Version=2.0.0.0, "
                + "Culture=neutral, PublicKeyToken=b77a5c561934e089]]", DESERIALIZED + "System.ValueType", DESERIALIZED + "System.Object"),
                Optional.of(unlimited ? "unlimited" : text.trim()), Optional.empty(),
                List.of(new Serialized.Property("IsUnlimited", new Serialized.Bool(unlimited)),
                        new Serialized.Property("Value", unlimited ? new Serialized.Nil() : Serialized.int32(Long.parseLong(text.trim())))));
    }

    private static Serialized number(String text) {
        return text.trim().equalsIgnoreCase("unlimited") ? unlimitedInt(text) : Serialized.int32(Long.parseLong(text.trim()));
    }

    private static Serialized budget(String text) {
        return text.trim().equalsIgnoreCase("unlimited") ? unlimitedInt(text) : new Serialized.Number("U32", Long.parseLong(text.trim()));
    }

    private static Serialized enumValue(String type, String value) {
        int ordinal = switch (value) {
            case "PlainTextLogin" -> 0;
            case "PlainTextAuthentication" -> 1;
            default -> 2;
        };
        return new Serialized.Obj(List.of(DESERIALIZED + type, DESERIALIZED + "System.Enum", DESERIALIZED + "System.ValueType",
                DESERIALIZED + "System.Object"), Optional.of(value), Optional.of(Serialized.int32(ordinal)), List.of());
    }

    private static Serialized adObjectId(String name) {
        return new Serialized.Obj(List.of(DESERIALIZED + "Microsoft.Exchange.Data.Directory.ADObjectId", DESERIALIZED + "System.Object"),
                Optional.of(name), Optional.empty(), List.of());
    }
}
