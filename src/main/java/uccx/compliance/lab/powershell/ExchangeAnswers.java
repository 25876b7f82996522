package uccx.compliance.lab.powershell;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
            "receiveConnectors", "Get-ReceiveConnector", "mailbox", "Get-Mailbox", "throttlingPolicies", "Get-ThrottlingPolicy",
            "casMailbox", "Get-CASMailbox", "account", "Get-User", "mailboxDatabases", "Get-MailboxDatabase");

    private final LabState state;
    private final Clock clock;
    private final ScriptSections script;
    private final CallCosts costs;
    private final List<Serialized> errorStream = java.util.Collections.synchronizedList(new ArrayList<>());
    private final DirectoryAnswers directory;
    private final WindowsAnswers windows;
    private final LabRunspaces runspaces;
    private LabRunspaces.Pool pool;
    private volatile String sectionBody = "";
    private final SecondHops hops;
    private volatile boolean sessionOpen = true;

    ExchangeAnswers(LabState state, Clock clock, ScriptSections script, CallCosts costs, LabRunspaces runspaces, SecondHops hops) {
        this.hops = hops;
        this.state = state;
        this.clock = clock;
        this.script = script;
        this.costs = costs;
        this.runspaces = runspaces;
        this.directory = new DirectoryAnswers(state);
        this.windows = new WindowsAnswers(state, clock, script, runspaces);
    }

    /** The records of one fact section, or empty when the lab does not know the section. */
    Optional<List<Serialized>> answer(ScriptSections.Section section) {
        String fact = section.name().substring("fact:".length());
        sectionBody = section.body();
        String body = section.body();
        return Optional.ofNullable(switch (fact) {
            case "exchangeServers" -> exchangeServers();
            case "imapSettings" -> perTarget(fact, script.list("UccxClientAccessServers"), s -> "Get-ImapSettings -Server " + s, this::imapSettings);
            case "registry" -> perServer(fact, s -> where("registry", s), s -> {
                secondHop(s, body, "Exception calling \"OpenRemoteBaseKey\" with \"2\" argument(s): \"" + SecondHops.UNAUTHORIZED + "\"",
                        "UnauthorizedAccessException");
                return windows.registry(s);
            });
            case "storeEvents" -> perServer(fact, s -> where("Application event log", s), s -> {
                secondHop(s, body, SecondHops.UNAUTHORIZED, "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWinEventCommand");
                return windows.storeEvents(s);
            });
            case "services" -> perServer(fact, serviceServers(), s -> where("WMI", s), s -> {
                secondHop(s, body, "Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))",
                        "System.UnauthorizedAccessException,Microsoft.PowerShell.Commands.GetWmiObjectCommand");
                return windows.services(s, costs);
            });
            case "organizationPermissions" -> perTarget(fact, List.of(script.value("UccxAccount")),
                    a -> "Get-OrganizationConfig | Get-ADPermission on the organization", a -> directory.permissions(a, sectionBody));
            case "accountGroups" -> perTarget(fact, List.of(script.value("UccxAccount")),
                    a -> "Get-User -Identity " + a + ", then its Windows logon token", directory::accountGroups);
            case "receiveConnectors" -> perTarget(fact, List.of(""), t -> "Get-ReceiveConnector", t -> receiveConnectors());
            case "mailboxDatabases" -> perTarget(fact, List.of(""), t -> "Get-MailboxDatabase", t -> mailboxDatabases());
            case "mailbox" -> perTarget(fact, List.of(script.value("UccxMailbox")), m -> "Get-Mailbox -Identity " + m, this::mailbox);
            case "throttlingPolicies" -> perTarget(fact, List.of(""), t -> "Get-ThrottlingPolicy", t -> throttlingPolicies());
            case "casMailbox" -> perTarget(fact, List.of(script.value("UccxMailbox")), m -> "Get-CASMailbox -Identity " + m, this::casMailbox);
            case "account" -> perTarget(fact, List.of(script.value("UccxAccount")),
                    a -> "Get-User -Identity " + a + ", then its directory object", a -> directory.account(a, clock.instant()));
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
        String fqdn = thisServer().toLowerCase(Locale.ROOT) + ".lab.example.com";
        boolean withCredential = sessionOpen && !hops.forwardedTicket();
        String hop = withCredential ? "New-PSSession http://" + fqdn + "/PowerShell/ with the audit account's credential"
                : "Connect-ExchangeServer -auto";
        return List.of(status("exchangeSession", "", hop, sessionOpen ? null
                : new CmdletError(SecondHops.sessionRefusal(fqdn), SecondHops.SESSION_ERROR_ID)));
    }

    /** The script's Get-UccxWhere: this server's facts are read locally, another's remotely. */
    private String where(String what, String server) {
        return server.equalsIgnoreCase(thisServer()) ? what + " of " + server + ", read locally" : "remote " + what + " on " + server;
    }

    /** The server the script runs on: the WinRM host, the lab's first server. */
    private String thisServer() {
        return state.servers().isEmpty() ? "EXCH01" : state.servers().get(0).name();
    }

    /**
     * A read of another server's registry or event log is a second hop: refused as Windows refuses
     * an anonymous logon unless a credential is there for it. The server the script runs on, read
     * locally, is no hop at all. The setup must hand the reads the credential it has.
     */
    private void secondHop(String server, String readBody, String refusal, String errorId) throws CmdletError {
        String setup = script.sections().stream().filter(x -> x.name().equals("setup")).map(ScriptSections.Section::body)
                .findFirst().orElse("");
        boolean local = server.equalsIgnoreCase(thisServer()) && readBody.contains("$env:COMPUTERNAME");
        if (!local && !hops.otherServer(setup, readBody)) {
            throw new CmdletError(refusal, errorId);
        }
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
            records.addAll(oneTarget(fact, target, hop.apply(target), reader, sectionBody));
        }
        return records;
    }

    /** One call for one target: its data records, then its status. */
    private List<Serialized> oneTarget(String fact, String target, String hop, Reader reader, String body) {
        List<Serialized> records = new ArrayList<>();
        costs.call(fact);
        var injected = state.faults().failureOf(fact, target);
        try {
            if (injected.isPresent()) {
                throw new CmdletError(injected.get().message(), injected.get().errorId());
            }
            List<Serialized> read = reader.read(target);
            costs.returned(fact, read.size());
            records.addAll(read);
            records.add(status(fact, target, hop, null));
        } catch (CmdletError e) {
            String cmdlet = EXCHANGE_CMDLETS.get(fact);
            if (cmdlet == null) {
                // A terminating error: the script's catch block writes the failed status; nothing reaches the error stream.
                records.add(status(fact, target, hop, e));
            } else {
                // Non-terminating: written to the error stream, and the status says what the section makes of it.
                errorStream.add(ErrorRecordShape.ofCmdlet(e.getMessage(), e.errorId, cmdlet, target));
                boolean captured = ScriptSections.capturesErrorsOf(body, cmdlet);
                records.add(status(fact, target, hop, captured ? e : null));
            }
        }
        return records;
    }

    /**
     * A per-server Windows fact (registry, storeEvents), one read per Mailbox server. A script that
     * opens a RunspacePool queues the reads on it and writes nothing here (the windowsFacts section
     * waits for them); a script that does not asks each server in turn, right here.
     */
    private List<Serialized> perServer(String fact, java.util.function.Function<String, String> hop, Reader reader) {
        return perServer(fact, script.list("UccxMailboxServers"), hop, reader);
    }

    /** The services section's servers: every Client Access and Mailbox server, once each, as the script's loop takes them. */
    private List<String> serviceServers() {
        List<String> servers = new ArrayList<>();
        for (String server : java.util.stream.Stream.concat(script.list("UccxClientAccessServers").stream(),
                script.list("UccxMailboxServers").stream()).toList()) {
            if (servers.stream().noneMatch(server::equalsIgnoreCase)) {
                servers.add(server);
            }
        }
        return servers;
    }

    private List<Serialized> perServer(String fact, List<String> servers, java.util.function.Function<String, String> hop, Reader reader) {
        if (!script.opensRunspacePool()) {
            return perTarget(fact, servers, hop, reader);
        }
        if (pool == null) {
            pool = runspaces.open(script.number("UccxParallelTargets", 1));
        }
        String body = sectionBody;
        for (String server : servers) {
            pool.queue(fact, server, hop.apply(server), () -> oneTarget(fact, server, hop.apply(server), reader, body));
        }
        return List.of();
    }

    /** The windowsFacts section: every queued read's records as it ends, or its failed status once past its bound. */
    void awaitWindowsFacts(ScriptSections.Section section, java.util.function.Consumer<Serialized> out,
                           java.util.function.Consumer<String> violations) {
        if (pool == null) {
            return;
        }
        var progress = java.util.regex.Pattern.compile("(?m)^\\$uccxProgressSeconds\\s*=\\s*(\\d+)\\s*$").matcher(section.body());
        if (!progress.find()) {
            violations.accept("the lab expected the windowsFacts section to set $uccxProgressSeconds: script and lab have drifted apart");
            return;
        }
        Duration bound = Duration.ofSeconds(script.number("UccxTargetSeconds", 1));
        new WindowsFactsWait(pool, bound, script.number("UccxParallelTargets", 1),
                Duration.ofSeconds(Long.parseLong(progress.group(1)))).await(out);
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
                // ADObject's WhenChanged (local time) and WhenChangedUTC: when Set-ImapSettings last wrote the object.
                .with("WhenChanged", new Serialized.Time(clock.instant().minus(Duration.ofMinutes(s.imapSettingsChangedMinutesAgo()))))
                .with("WhenChangedUTC", new Serialized.Time(clock.instant().minus(Duration.ofMinutes(s.imapSettingsChangedMinutesAgo()))))
                .build());
    }

    /** Every receive connector of the organisation: Get-ReceiveConnector without -Identity or -Server lists them all. */
    private List<Serialized> receiveConnectors() {
        return state.receiveConnectors().stream().map(c -> (Serialized) record("receiveConnectors", c.identity(),
                        "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector")
                .with("Identity", adObjectId(c.identity()))
                .with("MaxInboundConnection", unlimitedInt(c.limit("MaxInboundConnection")))
                .with("MessageRateLimit", unlimitedInt(c.limit("MessageRateLimit")))
                .with("MaxInboundConnectionPercentagePerSource", number(c.limit("MaxInboundConnectionPercentagePerSource")))
                .with("MaxInboundConnectionPerSource", unlimitedInt(c.limit("MaxInboundConnectionPerSource")))
                // The script casts these to strings: Server is an ADObjectId (its name), Enabled a Boolean ("True"),
                // Bindings IPBindings and RemoteIPRanges IPRanges, each as Exchange 2010 prints it (0.0.0.0:25, [::]:25;
                // 10.1.2.3, 10.1.2.0/24, 10.1.2.3-10.1.2.9), a list even with one entry.
                .with("Server", c.server())
                .with("Enabled", c.enabled() ? "True" : "False")
                .with("Bindings", strings(c.bindings()))
                .with("RemoteIPRanges", strings(c.remoteIpRanges()))
                .build()).toList();
    }

    /**
     * Every mailbox database: Get-MailboxDatabase without -Status reads Active Directory only. Servers
     * (ADObjectId[]) goes out as names, a list even with one server; MountedOnServer as its text.
     */
    private List<Serialized> mailboxDatabases() {
        return state.mailboxDatabases().stream().map(d -> (Serialized) record("mailboxDatabases", d.name(),
                        "Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase")
                .with("Name", d.name())
                .with("Servers", strings(d.servers()))
                .with("MountedOnServer", d.mountedOnServer())
                .build()).toList();
    }

    /** A string list as the script writes it ({@code ,$items}): an Object[] of strings. */
    private static Serialized strings(List<String> items) {
        return new Serialized.ListOf(List.of("System.Object[]", "System.Array", "System.Object"),
                items.stream().map(Serialized::text).toList());
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
                .with("Database", state.databaseOf(m))
                .build());
    }

    /** Get-CASMailbox: a CASMailbox (Exchange 2010 SDK, CASMailbox.ImapEnabled: System.Boolean). */
    private List<Serialized> casMailbox(String identity) throws CmdletError {
        LabState.Mailbox m = state.mailbox(identity).orElseThrow(() -> notFound(identity));
        return List.of(record("casMailbox", identity, "Microsoft.Exchange.Data.Directory.Management.CASMailbox")
                .with("Identity", adObjectId("lab.example.com/Users/" + alias(m)))
                .with("ImapEnabled", new Serialized.Bool(m.imapEnabled()))
                .build());
    }

    private static String alias(LabState.Mailbox m) {
        String sam = m.samAccountName();
        return sam.contains("\\") ? sam.substring(sam.indexOf('\\') + 1) : sam;
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

    static Serialized status(String fact, String target, String hop, CmdletError failure) {
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
