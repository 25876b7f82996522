package uccx.compliance.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulated organisation of a lab environment (its {@code lab:} section), in Exchange's own
 * property names. Its format is a contract (README, "The lab", and the schema): other tests and fixtures are
 * written against it.
 */
public record LabState(List<Server> servers, List<ReceiveConnector> receiveConnectors, List<ThrottlingPolicy> throttlingPolicies,
                       List<Mailbox> mailboxes, List<Permission> organizationPermissions, Faults faults,
                       LatencyModel latencyModel, Windows windows, List<Database> databases) {

    public static final String STORE_KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem";
    public static final String SERVICE_SESSIONS_VALUE = "Maximum Allowed Service Sessions Per User";

    public LabState {
        servers = List.copyOf(servers);
        receiveConnectors = List.copyOf(receiveConnectors);
        throttlingPolicies = List.copyOf(throttlingPolicies);
        mailboxes = List.copyOf(mailboxes);
        organizationPermissions = List.copyOf(organizationPermissions);
        databases = List.copyOf(databases);
    }

    /** A lab with the default mailbox database ({@link #mailboxDatabases()}). */
    public LabState(List<Server> servers, List<ReceiveConnector> receiveConnectors, List<ThrottlingPolicy> throttlingPolicies,
                    List<Mailbox> mailboxes, List<Permission> organizationPermissions, Faults faults,
                    LatencyModel latencyModel, Windows windows) {
        this(servers, receiveConnectors, throttlingPolicies, mailboxes, organizationPermissions, faults, latencyModel, windows, List.of());
    }

    /** A lab without a latency model: it answers as fast as it can. */
    public LabState(List<Server> servers, List<ReceiveConnector> receiveConnectors, List<ThrottlingPolicy> throttlingPolicies,
                    List<Mailbox> mailboxes, List<Permission> organizationPermissions, Faults faults) {
        this(servers, receiveConnectors, throttlingPolicies, mailboxes, organizationPermissions, faults, LatencyModel.NONE,
                Windows.DEFAULT);
    }

    /**
     * What Windows itself brings to the server the collector runs on and to the domain.
     *
     * @param executionPolicy policies by scope, as {@code Get-ExecutionPolicy -List} shows them
     * @param timeSeparator   the time separator of the culture powershell.exe runs under
     * @param groups          the domain's security groups and their direct members
     * @param trustedForDelegation whether Active Directory trusts the WinRM server for delegation
     *                        ({@code lab.delegation}): only then is a ticket forwarded to it usable for a second hop
     * @param maxPwdAgeDays   the domain's maximum credential age ({@code lab.domain.maxPasswordAgeDays}); 0: never expire
     */
    public record Windows(Map<String, String> executionPolicy, String timeSeparator, List<Group> groups, boolean trustedForDelegation,
                          long maxPwdAgeDays) {

        /** {@code lab.domain.maxPasswordAgeDays} when left out. */
        public static final long DEFAULT_MAX_PWD_AGE_DAYS = 90;

        /**
         * Exchange 2010 setup leaves LocalMachine at RemoteSigned (Microsoft KB 2668686 gives it as the
         * expected state); Windows' own default, Restricted, would refuse RemoteExchange.ps1.
         */
        public static final Windows DEFAULT = new Windows(Map.of("LocalMachine", "RemoteSigned"), ":", List.of());

        public Windows {
            executionPolicy = Map.copyOf(executionPolicy);
            groups = List.copyOf(groups);
        }

        /** A WinRM server trusted for delegation, as the lab's default is. */
        public Windows(Map<String, String> executionPolicy, String timeSeparator, List<Group> groups) {
            this(executionPolicy, timeSeparator, groups, true);
        }

        public Windows(Map<String, String> executionPolicy, String timeSeparator, List<Group> groups, boolean trustedForDelegation) {
            this(executionPolicy, timeSeparator, groups, trustedForDelegation, DEFAULT_MAX_PWD_AGE_DAYS);
        }
    }

    /** A security group and its direct members (accounts or groups, DOMAIN\name). */
    public record Group(String name, List<String> members) {
        public Group {
            members = List.copyOf(members);
        }
    }

    /**
     * @param imapSettings Get-ImapSettings values as written (numbers, {@code unlimited}, LoginType)
     * @param registry     key path, then value name, then the DWORD
     */
    public record Server(String name, String adminDisplayVersion, List<String> roles, Map<String, String> imapSettings,
                         Map<String, Map<String, Long>> registry, List<Event> events, Map<String, Service> services,
                         long imapSettingsChangedMinutesAgo, long registryChangedMinutesAgo) {

        /** A server whose Exchange services run as the lab's defaults have them, its settings written long before they started. */
        public Server(String name, String adminDisplayVersion, List<String> roles, Map<String, String> imapSettings,
                      Map<String, Map<String, Long>> registry, List<Event> events) {
            this(name, adminDisplayVersion, roles, imapSettings, registry, events, Map.of(), DEFAULT_CHANGED_MINUTES_AGO,
                    DEFAULT_CHANGED_MINUTES_AGO);
        }

        /**
         * A Windows service of the server ({@code lab.servers[].services}), as WMI's Win32_Service shows it; a service
         * the lab state leaves out runs as {@link Service#DEFAULT} has it (every role's services are installed).
         */
        /**
         * The store's session limit in effect: the registry value when it was written before MSExchangeIS started
         * (the store reads it at start, KB 980049), else the value before it, taken as the store's default of 16.
         */
        public int storeLimitInEffect() {
            Optional<Long> value = registryValue(STORE_KEY, SERVICE_SESSIONS_VALUE);
            boolean readAtStart = registryChangedMinutesAgo >= service("MSExchangeIS").startedMinutesAgo();
            return value.isPresent() && readAtStart ? value.get().intValue() : 16;
        }

        public Service service(String serviceName) {
            return services.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(serviceName)).map(Map.Entry::getValue)
                    .findFirst().orElse(Service.DEFAULT);
        }
        public boolean hasRole(String role) {
            return roles.stream().anyMatch(r -> r.equalsIgnoreCase(role));
        }

        public Optional<Long> registryValue(String key, String valueName) {
            return registry.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).findFirst()
                    .flatMap(e -> e.getValue().entrySet().stream().filter(v -> v.getKey().equalsIgnoreCase(valueName))
                            .map(Map.Entry::getValue).findFirst());
        }

        public boolean hasRegistryKey(String key) {
            return registry.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key));
        }

        /** The IMAP setting as Exchange 2010 prints it, or its 2010 default. */
        public String imapSetting(String name) {
            return imapSettings.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElseGet(() -> IMAP_DEFAULTS.getOrDefault(name, ""));
        }
    }

    /** How long ago a lab server's IMAP4 settings and store registry value were written, unless it says: a week. */
    public static final long DEFAULT_CHANGED_MINUTES_AGO = 10080;

    /**
     * A Windows service as Win32_Service gives it: {@code startMode} Auto, Manual or Disabled, {@code state}
     * Running or Stopped, and when its process started (meaningless when it is stopped).
     */
    public record Service(String startMode, String state, long startedMinutesAgo) {
        /** Auto, Running, started a day ago. */
        public static final Service DEFAULT = new Service("Auto", "Running", 1440);

        public boolean running() {
            return "Running".equalsIgnoreCase(state);
        }
    }

    /** Exchange 2010's IMAP4 defaults, for settings a lab server leaves out. */
    static final Map<String, String> IMAP_DEFAULTS = Map.of("MaxCommandSize", "10240", "MaxConnectionFromSingleIP", "2000",
            "MaxConnections", "2000", "MaxConnectionsPerUser", "16", "LoginType", "SecureLogin");

    /**
     * An event in a server's Application log; {@code mailbox} names a lab mailbox (or a LegacyExchangeDN).
     *
     * @param mailboxDnField the first data field exactly as written, overriding {@code mailbox} and {@code guidPrefix}
     */
    public record Event(String source, int id, long minutesAgo, String mailbox, String objectType, int limit, boolean guidPrefix,
                        Optional<String> mailboxDnField) {
        /** A limit left out: the event states the limit the store enforces ({@link Server#storeLimitInEffect()}). */
        public static final int LIMIT_IN_EFFECT = -1;

        public Event(String source, int id, long minutesAgo, String mailbox, String objectType, int limit, boolean guidPrefix) {
            this(source, id, minutesAgo, mailbox, objectType, limit, guidPrefix, Optional.empty());
        }
    }

    /**
     * @param limits         the four checklist settings as written ({@code unlimited} or a number)
     * @param remoteIpRanges RemoteIPRanges as Exchange 2010 prints them: {@code 10.1.2.3}, {@code 10.1.2.0/24},
     *                       {@code 10.1.2.3-10.1.2.9}; Exchange's default is every IPv4 address, {@code 0.0.0.0-255.255.255.255}
     * @param bindings       Bindings as Exchange 2010 prints them: {@code 0.0.0.0:25}, {@code [::]:25}, {@code 10.0.0.5:25}
     * @param enabled        Enabled: a disabled connector is never selected
     */
    public record ReceiveConnector(String identity, Map<String, String> limits, List<String> remoteIpRanges, List<String> bindings,
                                   boolean enabled) {
        public static final List<String> DEFAULT_REMOTE_IP_RANGES = List.of("0.0.0.0-255.255.255.255");
        public static final List<String> DEFAULT_BINDINGS = List.of("0.0.0.0:25");

        public ReceiveConnector {
            remoteIpRanges = List.copyOf(remoteIpRanges);
            bindings = List.copyOf(bindings);
        }

        /** A connector on every local address, port 25, for every remote IPv4 address, enabled. */
        public ReceiveConnector(String identity, Map<String, String> limits) {
            this(identity, limits, DEFAULT_REMOTE_IP_RANGES, DEFAULT_BINDINGS, true);
        }

        public String limit(String name) {
            return limits.getOrDefault(name, "unlimited");
        }

        /** Server: the Identity's prefix (SERVER\\Connector Name). */
        public String server() {
            int slash = identity.indexOf('\\');
            return slash < 0 ? "" : identity.substring(0, slash);
        }
    }

    /**
     * A mailbox database as Get-MailboxDatabase shows it.
     *
     * @param servers         every server holding a copy of it
     * @param mountedOnServer where its active copy is mounted
     */
    public record Database(String name, List<String> servers, String mountedOnServer) {
        public Database {
            servers = List.copyOf(servers);
        }
    }

    /** {@code lab.databases}, or by default one database DB01 on the first Mailbox server, holding every mailbox. */
    public List<Database> mailboxDatabases() {
        String first = servers.stream().filter(s -> s.hasRole("Mailbox")).map(Server::name).findFirst().orElse("");
        List<String> onFirst = first.isEmpty() ? List.of() : List.of(first);
        if (databases.isEmpty()) {
            return List.of(new Database(DEFAULT_DATABASE, onFirst, first));
        }
        return databases.stream().map(d -> d.servers().isEmpty()
                ? new Database(d.name(), onFirst, d.mountedOnServer().isEmpty() ? first : d.mountedOnServer()) : d).toList();
    }

    /** The database that holds a mailbox: its own {@code Database}, else the first database. */
    public String databaseOf(Mailbox mailbox) {
        return mailbox.database().orElseGet(() -> mailboxDatabases().isEmpty() ? "" : mailboxDatabases().get(0).name());
    }

    public static final String DEFAULT_DATABASE = "DB01";

    /** @param budgets every budget the policy has; an empty Optional is {@code $null}. A budget left out does not exist (CPA* on RTM). */
    public record ThrottlingPolicy(String name, boolean isDefault, Map<String, Optional<String>> budgets) {
    }

    /**
     * @param imapEnabled {@code lab.mailboxes[].ImapEnabled}, as Get-CASMailbox shows it (default true)
     * @param account     {@code lab.mailboxes[].account}: the owner's directory account
     * @param database    its {@code Database} ({@code lab.mailboxes[].Database}); empty: the first database
     */
    public record Mailbox(String primarySmtpAddress, String samAccountName, String legacyExchangeDn, Optional<String> throttlingPolicy,
                          boolean imapEnabled, Account account, Optional<String> database) {

        public Mailbox(String primarySmtpAddress, String samAccountName, String legacyExchangeDn, Optional<String> throttlingPolicy) {
            this(primarySmtpAddress, samAccountName, legacyExchangeDn, throttlingPolicy, true, Account.DEFAULT, Optional.empty());
        }

        public boolean isNamed(String identity) {
            return primarySmtpAddress.equalsIgnoreCase(identity) || samAccountName.equalsIgnoreCase(identity)
                    || legacyExchangeDn.equalsIgnoreCase(identity)
                    || samAccountName.toLowerCase(Locale.ROOT).endsWith("\\" + identity.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * A mailbox owner's Active Directory account ({@code lab.mailboxes[].account}); the defaults are an account that works.
     *
     * @param pwdLastSetDaysAgo {@code passwordLastSetDaysAgo}
     * @param pwdNeverExpires   {@code passwordNeverExpires}: DONT_EXPIRE_PASSWD in userAccountControl
     */
    public record Account(boolean enabled, boolean lockedOut, long pwdLastSetDaysAgo, boolean pwdNeverExpires) {
        public static final Account DEFAULT = new Account(true, false, 10, false);
    }

    /**
     * An entry of the organization object's ACL as Get-ADPermission shows it.
     *
     * @param user         the trustee: an account, a group, a well-known principal or a SID
     * @param accessRights as Get-ADPermission joins them, for example {@code ExtendedRight} or {@code GenericAll}
     */
    public record Permission(String user, List<String> extendedRights, boolean deny, String accessRights, boolean inherited) {
        public Permission(String user, List<String> extendedRights, boolean deny, String accessRights) {
            this(user, extendedRights, deny, accessRights, false);
        }

        public Permission {
            extendedRights = List.copyOf(extendedRights);
        }
    }

    /**
     * Latency and failures to inject, as a real organisation can present them.
     *
     * @param failures   single facts whose cmdlet fails while the others work
     * @param management how the one collector command fails as a whole, if at all
     * @param imap       how every IMAP endpoint misbehaves, if at all
     * @param smtp       how every receive connector refuses a session, if at all
     * @param unreachable servers that do not answer RPC (see {@link #isUnreachable(String)})
     */
    public record Faults(long latencyMillis, List<Failure> failures, Optional<ManagementFault> management,
                         Optional<uccx.compliance.lab.imap.ImapFault> imap, Optional<uccx.compliance.lab.smtp.SmtpFault> smtp,
                         List<String> unreachable) {

        public Faults {
            unreachable = List.copyOf(unreachable);
        }

        public Faults(long latencyMillis, List<Failure> failures) {
            this(latencyMillis, failures, Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Faults(long latencyMillis, List<Failure> failures, Optional<ManagementFault> management,
                      Optional<uccx.compliance.lab.imap.ImapFault> imap, Optional<uccx.compliance.lab.smtp.SmtpFault> smtp) {
            this(latencyMillis, failures, management, imap, smtp, List.of());
        }

        // --- lab.faults.unreachable: a dead server (the collector's per-server bound) ---

        /**
         * Whether {@code server} is down for RPC ({@code lab.faults.unreachable}): every call the script
         * makes to the server itself (its remote registry, its remote event log) hangs, as RPC to a
         * server that does not answer does, while the Exchange cmdlets about it still answer from
         * Active Directory. Get-ImapSettings -Server returns an Imap4AdConfiguration, a configuration
         * object of the directory (Exchange 2010 SDK: Imap4AdConfiguration derives, through
         * PopImapAdConfiguration, from ADConfigurationObject; it lives under the server's Protocols
         * container), so the cmdlet reads a domain controller, not the server. No Microsoft page says in
         * so many words that it never contacts the server; the class is the best source we have. How
         * long a real dead server blocks (20 to 60 s or more: TCP's connect retries, then RPC's own
         * timeouts) is an estimate; the lab blocks until it closes, which no bound of the script may
         * rely on.
         */
        public boolean isUnreachable(String server) {
            return unreachable.stream().anyMatch(s -> s.equalsIgnoreCase(server));
        }

        public Optional<Failure> failureOf(String fact, String target) {
            return failures.stream().filter(f -> f.fact().equals(fact)
                    && (f.target().isEmpty() || f.target().get().equalsIgnoreCase(target))).findFirst();
        }
    }

    /** One fact (optionally one target of it) that fails with Exchange's or Windows' message. */
    public record Failure(String fact, Optional<String> target, String message, String errorId) {
    }

    public Optional<Mailbox> mailbox(String identity) {
        return mailboxes.stream().filter(m -> m.isNamed(identity)).findFirst();
    }

    /** Whether the directory lets the mailbox's account log on at {@code now}: enabled, not locked out, its password not expired. */
    public boolean accountUsable(Mailbox mailbox, java.time.Instant now) {
        Account a = mailbox.account();
        long maxAge = windows.maxPwdAgeDays();
        boolean expired = !a.pwdNeverExpires() && maxAge != 0 && a.pwdLastSetDaysAgo() >= maxAge;
        return a.enabled() && !a.lockedOut() && !expired;
    }

    public Optional<Server> server(String name) {
        return servers.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Reads the {@code lab:} section of an environment file, already checked against the schema. */
    public static LabState from(JsonNode lab) {
        return new LabState(
                list(lab.path("servers"), LabState::server),
                list(lab.path("receiveConnectors"), LabState::receiveConnector),
                list(lab.path("throttlingPolicies"), LabState::throttlingPolicy),
                list(lab.path("mailboxes"), LabState::mailbox),
                list(lab.path("organizationPermissions"), LabState::permission),
                faults(lab.path("faults")),
                LatencyModel.from(lab.path("latencyModel")),
                windows(lab),
                list(lab.path("databases"), LabState::database));
    }

    private static Windows windows(JsonNode lab) {
        Map<String, String> policies = new LinkedHashMap<>();
        if (lab.has("executionPolicy")) {
            lab.get("executionPolicy").fields().forEachRemaining(e -> policies.put(e.getKey(), e.getValue().asText()));
        } else {
            policies.putAll(Windows.DEFAULT.executionPolicy());
        }
        List<Group> groups = list(lab.path("groups"), g -> new Group(g.path("name").asText(), strings(g.path("members"))));
        return new Windows(policies, lab.path("timeSeparator").asText(Windows.DEFAULT.timeSeparator()), groups,
                !"untrusted".equals(lab.path("delegation").asText("trusted")),
                lab.path("domain").path("maxPasswordAgeDays").asLong(Windows.DEFAULT_MAX_PWD_AGE_DAYS));
    }

    private static Server server(JsonNode n) {
        Map<String, String> imap = new LinkedHashMap<>();
        n.path("imapSettings").fields().forEachRemaining(e -> imap.put(e.getKey(), e.getValue().asText()));
        Map<String, Map<String, Long>> registry = new LinkedHashMap<>();
        n.path("registry").fields().forEachRemaining(key -> {
            Map<String, Long> values = new LinkedHashMap<>();
            key.getValue().fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().asLong()));
            registry.put(key.getKey(), values);
        });
        Map<String, Service> services = new LinkedHashMap<>();
        n.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), new Service(
                e.getValue().path("StartMode").asText(Service.DEFAULT.startMode()), e.getValue().path("State").asText(Service.DEFAULT.state()),
                e.getValue().path("startedMinutesAgo").asLong(Service.DEFAULT.startedMinutesAgo()))));
        return new Server(n.path("name").asText(), n.path("adminDisplayVersion").asText("Version 14.3 (Build 123.4)"),
                strings(n.path("roles")), imap, registry, list(n.path("events"), LabState::event), services,
                n.path("imapSettingsChangedMinutesAgo").asLong(DEFAULT_CHANGED_MINUTES_AGO),
                n.path("registryChangedMinutesAgo").asLong(DEFAULT_CHANGED_MINUTES_AGO));
    }

    private static Event event(JsonNode n) {
        return new Event(n.path("source").asText("MSExchangeIS"), n.path("id").asInt(9646), n.path("minutesAgo").asLong(30),
                n.path("mailbox").asText(), n.path("objectType").asText("session"), n.hasNonNull("limit") ? n.get("limit").asInt() : Event.LIMIT_IN_EFFECT,
                n.path("guidPrefix").asBoolean(false),
                n.hasNonNull("mailboxDnField") ? Optional.of(n.get("mailboxDnField").asText()) : Optional.empty());
    }

    private static final java.util.Set<String> CONNECTOR_SELECTION = java.util.Set.of("Identity", "RemoteIPRanges", "Bindings", "Enabled");

    private static ReceiveConnector receiveConnector(JsonNode n) {
        Map<String, String> limits = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!CONNECTOR_SELECTION.contains(e.getKey())) {
                limits.put(e.getKey(), e.getValue().asText());
            }
        });
        return new ReceiveConnector(n.path("Identity").asText(), limits,
                n.has("RemoteIPRanges") ? strings(n.get("RemoteIPRanges")) : ReceiveConnector.DEFAULT_REMOTE_IP_RANGES,
                n.has("Bindings") ? strings(n.get("Bindings")) : ReceiveConnector.DEFAULT_BINDINGS, n.path("Enabled").asBoolean(true));
    }

    /** A database without Servers is on the first Mailbox server; without MountedOnServer, mounted on the first of its Servers. */
    private static Database database(JsonNode n) {
        List<String> servers = strings(n.path("Servers"));
        return new Database(n.path("Name").asText(), servers, n.path("MountedOnServer").asText(servers.isEmpty() ? "" : servers.get(0)));
    }

    private static ThrottlingPolicy throttlingPolicy(JsonNode n) {
        Map<String, Optional<String>> budgets = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("Name") && !e.getKey().equals("IsDefault")) {
                budgets.put(e.getKey(), e.getValue().isNull() ? Optional.empty() : Optional.of(e.getValue().asText()));
            }
        });
        return new ThrottlingPolicy(n.path("Name").asText(), n.path("IsDefault").asBoolean(false), budgets);
    }

    private static Mailbox mailbox(JsonNode n) {
        String sam = n.path("SamAccountName").asText();
        String alias = sam.contains("\\") ? sam.substring(sam.indexOf('\\') + 1) : sam;
        String dn = n.hasNonNull("LegacyExchangeDN") ? n.get("LegacyExchangeDN").asText()
                : "/o=Lab Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=" + alias;
        JsonNode policy = n.path("ThrottlingPolicy");
        JsonNode account = n.path("account");
        Account defaults = Account.DEFAULT;
        return new Mailbox(n.path("PrimarySmtpAddress").asText(), sam, dn,
                policy.isMissingNode() || policy.isNull() ? Optional.empty() : Optional.of(policy.asText()),
                n.path("ImapEnabled").asBoolean(true),
                new Account(account.path("enabled").asBoolean(defaults.enabled()), account.path("lockedOut").asBoolean(defaults.lockedOut()),
                        account.path("passwordLastSetDaysAgo").asLong(defaults.pwdLastSetDaysAgo()),
                        account.path("passwordNeverExpires").asBoolean(defaults.pwdNeverExpires())),
                n.hasNonNull("Database") ? Optional.of(n.get("Database").asText()) : Optional.empty());
    }

    private static Permission permission(JsonNode n) {
        List<String> access = strings(n.path("AccessRights"));
        // Get-ADPermission joins the rights as ActiveDirectoryRights prints its flags: "ReadProperty, GenericExecute".
        return new Permission(n.path("User").asText(), strings(n.path("ExtendedRights")), n.path("Deny").asBoolean(false),
                access.isEmpty() ? "ExtendedRight" : String.join(", ", access), n.path("IsInherited").asBoolean(false));
    }

    private static Faults faults(JsonNode n) {
        return new Faults(n.path("latencyMillis").asLong(0), list(n.path("failures"), f -> new Failure(f.path("fact").asText(),
                f.hasNonNull("target") ? Optional.of(f.get("target").asText()) : Optional.empty(),
                f.path("message").asText("Access is denied."), f.path("errorId").asText("LabFault"))),
                kind(n, "management", ManagementFault::ofLabel), imapFault(n),
                kind(n, "smtp", uccx.compliance.lab.smtp.SmtpFault::ofLabel), strings(n.path("unreachable")));
    }

    /** {@code imap: dropAfterLogin} by its name, or {@code imap: {refuseLoginFrom: k}} with its login number. */
    private static Optional<uccx.compliance.lab.imap.ImapFault> imapFault(JsonNode faults) {
        JsonNode imap = faults.path("imap");
        if (imap.isObject() && imap.has("refuseLoginFrom")) {
            return Optional.of(uccx.compliance.lab.imap.ImapFault.refuseLoginFrom(imap.get("refuseLoginFrom").asInt()));
        }
        return kind(faults, "imap", uccx.compliance.lab.imap.ImapFault::ofLabel);
    }

    /** A fault kind by its name; the schema has already refused a name that is not one. */
    private static <T> Optional<T> kind(JsonNode faults, String key, Function<String, Optional<T>> byLabel) {
        if (!faults.hasNonNull(key)) {
            return Optional.empty();
        }
        String label = faults.get(key).asText();
        return Optional.of(byLabel.apply(label).orElseThrow(() -> new IllegalArgumentException("lab.faults." + key + ": unknown fault " + label)));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        array.forEach(n -> items.add(read.apply(n)));
        return items;
    }
}
