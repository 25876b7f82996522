package uccx.compliance.controls;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.collector.facts.OrganizationPermission;
import uccx.compliance.environment.Thresholds;
import uccx.compliance.environment.Uccx;
import uccx.compliance.probes.CapacityResult;
import uccx.compliance.probes.DualLoginResult;
import uccx.compliance.probes.Reach;

/**
 * The controls, each declared once: its stable ID (reports, waivers and remediation use it), its
 * title, the checklist section and step it comes from, how severe a violation is, the step in plain
 * words with the checklist's numbers, why it matters for UCCX, the documentation of the cmdlets
 * it reads and its fix uses, and the fix itself: the Exchange Management Shell commands for exactly
 * the target and settings found violated, one per line (lines starting with {@code #} are notes),
 * text for the admin to review and run; the suite never runs them. The test's display name, the report's story, feature, severity and
 * description all come from here; {@code ReadmeControlTablesTest} holds the README to it.
 * Cisco's checklist is tech note 117589; the thresholds in effect may be raised by an environment file.
 */
public enum Control {

    EXC_01("EXC-01", "Exchange version matches the environment file", Section.SCOPE, "(scope)", Severity.CRITICAL,
            "Confirm which Exchange 2010 service pack every server runs: AdminDisplayVersion 'Version 14.x' means SP x.",
            "The checklist is written for Exchange 2010, and the throttling budgets differ by service pack (RTM has no CPA* "
                    + "budgets): judging a server against the wrong version asks the wrong questions.",
            cmdlets("Get-ExchangeServer"),
            f -> "# set exchange.version to " + f.judged(ExchangeServer.class).version().label() + " in the environment file if that "
                    + "is what runs,\n# or bring every server to the same service pack"),

    EXC_02("EXC-02", "Every server the UCCX mailbox depends on is in scope", Section.SCOPE, "(scope)", Severity.CRITICAL,
            "List every Client Access server of the organisation (Get-ExchangeServer) in exchange.clientAccessServers, and every "
                    + "server holding a copy of the UCCX mailbox's database (Get-Mailbox's Database, Get-MailboxDatabase's Servers) in "
                    + "exchange.mailboxServers; a server deliberately left out is waived for EXC-02 on that server, with a reason.",
            "The checklist's limits are checked only where the environment file says: a Client Access server nobody listed may "
                    + "serve the UCCX logins with Exchange's defaults, and a DAG failover mounts the UCCX mailbox on a server whose "
                    + "store limit nobody checked.",
            cmdlets("Get-ExchangeServer", "Get-Mailbox", "Get-MailboxDatabase"),
            f -> scopeLines(f)),

    IMAP_01("IMAP-01", "IMAP4 connection limits on every Client Access server", Section.IMAP, "IMAP 1", Severity.BLOCKER,
            "Cisco step IMAP 1: on every Client Access server run Set-ImapSettings -MaxCommandSize " + checklist().maxCommandSize()
                    + " -MaxConnectionFromSingleIP " + checklist().maxConnectionFromSingleIP() + " -MaxConnections "
                    + checklist().maxConnections() + " -MaxConnectionsPerUser " + checklist().maxConnectionsPerUser()
                    + ", then restart the MSExchangeIMAP4 service.",
            "The UCCX server and every agent desktop open two IMAP connections each with the same account; with the default "
                    + "of 16 connections per user the 17th login is refused with 'NO AUTHENTICATE failed.' although the password "
                    + "is right, and agents' email buttons grey out.",
            cmdlets("Set-ImapSettings", "Get-ImapSettings"),
            f -> "Set-ImapSettings -Server " + f.target() + " " + f.violatedParameters() + "\n"
                    + "# the IMAP4 service reads its settings at start:\n"
                    + "Get-Service MSExchangeIMAP4 -ComputerName " + f.target() + " | Restart-Service"),

    IMAP_02("IMAP-02", "Store service sessions per user on every Mailbox server", Section.IMAP, "IMAP 2", Severity.BLOCKER,
            "Cisco step IMAP 2: on every Mailbox server create the DWORD 'Maximum Allowed Service Sessions Per User' (at least "
                    + checklist().maxServiceSessionsPerUser() + ") under "
                    + "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem (the checklist misspells the key "
                    + "MSEExchangeIS) and restart the Microsoft Exchange Information Store.",
            "Every IMAP connection of the UCCX account is a store service session of that user; the store allows 16 by default "
                    + "and then refuses more ('NO Server Unavailable. 15', event 9646). KB 980049: only this value fixes it.",
            List.of(new Doc("reg add", "https://learn.microsoft.com/windows-server/administration/windows-commands/reg-add")),
            f -> "reg add \"\\\\" + f.target() + "\\HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\" /v "
                    + "\"Maximum Allowed Service Sessions Per User\" /t REG_DWORD /d " + f.checklist().maxServiceSessionsPerUser().minimum()
                    + " /f\n# the store reads the value at start (KB 980049); restarting it disconnects every user of " + f.target() + ":\n"
                    + "Get-Service MSExchangeIS -ComputerName " + f.target() + " | Restart-Service"),

    IMAP_03("IMAP-03", "No store session-limit event 9646 for the UCCX mailbox", Section.IMAP, "IMAP 2-3", Severity.CRITICAL,
            "Cisco steps IMAP 2-3: look in the Application log of every Mailbox server for MSExchangeIS event 9646 "
                    + "(a MAPI session exceeded the maximum of objects of type 'session') naming the UCCX mailbox.",
            "The event is the store saying it refused the UCCX account a session: the limit of IMAP-02 is hit or not in effect "
                    + "(the store was not restarted). Events for other mailboxes do not count.",
            List.of(new Doc("Get-WinEvent", "https://learn.microsoft.com/powershell/module/microsoft.powershell.diagnostics/get-winevent")),
            f -> "# raise 'Maximum Allowed Service Sessions Per User' on " + f.target() + " to at least "
                    + f.checklist().maxServiceSessionsPerUser().minimum() + " (IMAP-02) and restart the Information Store;\n"
                    + "# KB 980049: only the registry value stops event 9646"),

    IMAP_04("IMAP-04", "UCCX account may view Information Store status", Section.IMAP, "IMAP 4", Severity.NORMAL,
            "Cisco step IMAP 4: grant the UCCX account the extended right 'View Information Store status' on the organization "
                    + "(Get-OrganizationConfig | Add-ADPermission -User <account> -ExtendedRights 'View Information Store status').",
            "UCCX reads the store's status with this account. Weighed as Windows does: entries for the account and for every "
                    + "group of its logon token count, GenericAll and ExtendedRight without a specific right grant it too, and "
                    + "explicit Deny, explicit Allow, inherited Deny, inherited Allow decide in that order.",
            cmdlets("Add-ADPermission", "Get-ADPermission", "Get-OrganizationConfig"),
            f -> grantViewInformationStoreStatus(f.target(), f.judged(OrganizationPermissions.class).check().deciding())),

    SVC_01("SVC-01", "The IMAP4 service starts automatically and runs on every Client Access server", Section.SERVICES,
            "beyond the checklist", Severity.BLOCKER,
            "Beyond the checklist: on every Client Access server the service MSExchangeIMAP4 (Microsoft Exchange IMAP4) has "
                    + "StartMode Auto and State Running, as WMI's Win32_Service shows them.",
            "Exchange 2010 installs the IMAP4 service with startup type Manual and leaves it stopped: every IMAP setting of the "
                    + "checklist can be right and no agent can fetch a single email; after a reboot a Manual service stays down.",
            List.of(new Doc("Set-Service", "https://learn.microsoft.com/powershell/module/microsoft.powershell.management/set-service"),
                    new Doc("Start-Service", "https://learn.microsoft.com/powershell/module/microsoft.powershell.management/start-service")),
            f -> ((f.violatedSettings().stream().anyMatch(v -> v.endsWith("StartMode"))
                    ? "Set-Service MSExchangeIMAP4 -ComputerName " + f.target() + " -StartupType Automatic\n" : "")
                    + (f.violatedSettings().stream().anyMatch(v -> v.endsWith("State"))
                    ? "Get-Service MSExchangeIMAP4 -ComputerName " + f.target() + " | Start-Service" : "")).stripTrailing()),

    SVC_02("SVC-02", "Settings read at service start are in effect", Section.SERVICES, "IMAP 1-2 (the restarts)", Severity.CRITICAL,
            "Cisco steps IMAP 1-2 end with a restart: MSExchangeIMAP4 reads its settings (Set-ImapSettings) and MSExchangeIS its "
                    + "registry value only when they start. On every Client Access server Get-ImapSettings' WhenChanged is not after "
                    + "MSExchangeIMAP4 started; on every Mailbox server the limit the store states in an event 9646 since MSExchangeIS "
                    + "started is the registry's value. Windows keeps no time for a registry value: without such an event the store "
                    + "part cannot be told.",
            "A setting changed and never followed by a restart looks right to every check that reads it and still does nothing: "
                    + "the 17th login is refused as before.",
            cmdlets("Get-ImapSettings"),
            f -> ((f.violatedSettings().contains(SettingsInEffect.IMAP_SETTING)
                    ? "# MSExchangeIMAP4 reads its settings at start; restarting it drops every open IMAP session (the agents reconnect):\n"
                            + "Get-Service MSExchangeIMAP4 -ComputerName " + f.target() + " | Restart-Service\n" : "")
                    + (f.violatedSettings().contains(SettingsInEffect.STORE_SETTING)
                    ? "# MSExchangeIS reads the value at start (KB 980049); restarting it dismounts every database of " + f.target()
                            + ": do it in a maintenance window:\n"
                            + "Get-Service MSExchangeIS -ComputerName " + f.target() + " | Restart-Service" : "")).stripTrailing()),

    SMTP_01("SMTP-01", "Receive connector limits", Section.SMTP, "SMTP 1-2", Severity.CRITICAL,
            "Cisco steps SMTP 1-2: on every receive connector the UCCX server sends through run Set-ReceiveConnector "
                    + "-MaxInboundConnection " + checklist().maxInboundConnection() + " -MessageRateLimit " + checklist().messageRateLimit()
                    + " -MaxInboundConnectionPercentagePerSource " + checklist().maxInboundConnectionPercentagePerSource()
                    + " -MaxInboundConnectionPerSource " + checklist().maxInboundConnectionPerSource() + " ('unlimited' also satisfies them).",
            "All agents' replies leave through the UCCX server's one SMTP source; the defaults throttle it and mail queues.",
            cmdlets("Set-ReceiveConnector", "Get-ReceiveConnector"),
            f -> "Set-ReceiveConnector -Identity '" + f.target() + "' " + f.violatedParameters()),

    SMTP_02("SMTP-02", "The receive connector Exchange selects for the UCCX server is in scope", Section.SMTP, "SMTP 1-2 (in effect)",
            Severity.CRITICAL,
            "On every Hub Transport server with a connector in exchange.receiveConnectors, the receive connector Exchange 2010 selects "
                    + "for a connection from uccx.serverAddress to port 25 (Bindings first, then the most specific RemoteIPRanges "
                    + "match; disabled connectors never) must be one of exchange.receiveConnectors. Not applicable without "
                    + "uccx.serverAddress.",
            "SMTP-01 checks the connectors the environment file lists; if a more specific connector, such as a relay someone "
                    + "added for another system, takes the UCCX server's address, the limits that apply are that connector's, and "
                    + "agents' replies queue although SMTP-01 is compliant.",
            cmdlets("Get-ReceiveConnector", "Set-ReceiveConnector"),
            f -> selectedConnectorLines(f.judged(ConnectorSelection.class), f.environment().exchange().receiveConnectors())),

    THR_01("THR-01", "A dedicated throttling policy is assigned to the UCCX mailbox", Section.THROTTLING, "Client throttling 2",
            Severity.CRITICAL,
            "Cisco client throttling step 2: create a dedicated throttling policy and assign it to the UCCX mailbox "
                    + "(New-ThrottlingPolicy, Set-Mailbox -ThrottlingPolicy).",
            "Without a dedicated policy the organisation's default policy throttles the one account every agent shares.",
            cmdlets("New-ThrottlingPolicy", "Set-Mailbox", "Get-Mailbox"),
            f -> "# create the policy if it does not exist yet, then assign it:\n"
                    + "New-ThrottlingPolicy -Name '" + Checklist.DEDICATED_POLICY + "'\n"
                    + "Set-Mailbox -Identity '" + f.judged(Mailbox.class).primarySmtpAddress() + "' -ThrottlingPolicy '" + Checklist.DEDICATED_POLICY + "'"),

    THR_02("THR-02", "The UCCX throttling policy leaves the checklist's budgets unlimited", Section.THROTTLING, "Client throttling 1",
            Severity.CRITICAL,
            "Cisco client throttling step 1: in the UCCX policy set the IMAP, RCA and (from SP1) CPA budgets, MessageRateLimit, "
                    + "RecipientRateLimit and CPUStartPercent to $null, which Exchange 2010 treats as unlimited.",
            "Each budget left at its default caps the shared account: IMAPMaxConcurrency alone refuses logins past its value.",
            cmdlets("Set-ThrottlingPolicy", "Get-ThrottlingPolicy"),
            f -> f.judged(EffectivePolicy.class).policy().isDefault()
                    // Unlimiting the default policy would unthrottle every mailbox: fix the UCCX mailbox's own policy instead.
                    ? "# the default policy governs this mailbox; do not unlimit it for everyone.\n"
                            + "# assign a dedicated policy first (THR-01), then:\n" + unlimit(Checklist.DEDICATED_POLICY, f.violatedSettings())
                    : unlimit(f.judged(EffectivePolicy.class).policy().name(), f.violatedSettings())),

    MBX_01("MBX-01", "The UCCX mailbox admits IMAP and its account can log in tomorrow", Section.ACCOUNT, "beyond the checklist",
            Severity.BLOCKER,
            "Beyond the checklist: the UCCX mailbox has IMAP enabled (Get-CASMailbox: ImapEnabled), and its account is enabled, "
                    + "not locked out, and its password neither expired nor expiring within uccx.passwordWarningDays (default "
                    + Uccx.DEFAULT_PASSWORD_WARNING_DAYS + ") unless it never expires.",
            "An expired password is the most common cause of 'email stopped' at UCCX sites: every setting is right and every "
                    + "login is refused with 'NO AUTHENTICATE failed.' The date it expires is known weeks ahead.",
            java.util.stream.Stream.concat(cmdlets("Get-CASMailbox", "Set-CASMailbox", "Get-User").stream(), java.util.stream.Stream.of(
                    new Doc("dsmod user", "https://learn.microsoft.com/previous-versions/orphan-topics/ws.10/cc755470(v=ws.10)"),
                    new Doc("msDS-UserPasswordExpiryTimeComputed",
                            "https://learn.microsoft.com/openspecs/windows_protocols/ms-adts/f9e9b7e2-c7ac-4db6-ba38-71d9696981e9"))).toList(),
            f -> accountFix(f)),

    NET_01("NET-01", "The IMAP and SMTP ports are reachable", Section.LIVE, "Introduction, telnet <host> 143", Severity.BLOCKER,
            "The checklist's introduction: 'telnet <host> 143' from the UCCX side. The suite opens a TCP connection to the IMAP "
                    + "and SMTP ports within the configured timeout.",
            "If the ports cannot be reached, no setting matters: UCCX cannot fetch or send any email.",
            List.of(),
            f -> "# check the address and port in the environment file, the Exchange service (MSExchangeIMAP4 or "
                    + "MSExchangeTransport) and every firewall between this runner and " + f.judged(Reach.class).host()),

    LIVE_01("LIVE-01", "Two concurrent IMAP logins with the UCCX account, as one agent desktop", Section.LIVE,
            "Introduction (the capture)", Severity.BLOCKER,
            "Reproduces the capture in the checklist's introduction: two concurrent IMAP logins with the UCCX account, as one "
                    + "agent desktop does, EXAMINE INBOX (read-only), LOGOUT.",
            "This is the failure agents see. A refused second login with the right password is a per-user limit (IMAP-01, "
                    + "THR-02); 'NO Server Unavailable. 15' is the store's session limit (IMAP-02).",
            cmdlets("Get-ImapSettings"),
            f -> switch (f.judged(DualLoginResult.class).outcome()) {
                case CREDENTIALS_REJECTED, REFUSED_IN_EARLIER_RUN -> "# check uccx.account and the password in the environment, and that "
                        + "the account is not locked";
                case STORE_SESSION_LIMIT -> "# raise 'Maximum Allowed Service Sessions Per User' (IMAP-02) and restart the Information Store";
                default -> "# raise MaxConnectionsPerUser (Set-ImapSettings, IMAP-01) and leave IMAPMaxConcurrency $null in the UCCX "
                        + "throttling policy (THR-02)";
            }),

    LIVE_02("LIVE-02", "Capacity: 2 x (agents + 1) concurrent IMAP sessions", Section.LIVE, "beyond the checklist", Severity.CRITICAL,
            "Beyond the checklist: open 2 x (agents + 1) IMAP sessions with the UCCX account at once, as the whole contact "
                    + "center does, and log every one out (bounded, opt-in with probes.capacity).",
            "Settings can each look right and still not add up for the real number of agents.",
            List.of(),
            f -> "# raise MaxConnectionsPerUser (IMAP-01), the store's service sessions per user (IMAP-02) and keep "
                    + "IMAPMaxConcurrency $null (THR-02) to at least " + f.judged(CapacityResult.class).wanted()),

    LIVE_03("LIVE-03", "The SMTP path accepts the UCCX mailbox", Section.LIVE, "SMTP", Severity.CRITICAL,
            "The SMTP path of the UCCX server: EHLO, MAIL FROM and RCPT TO the UCCX mailbox must be accepted; then RSET and "
                    + "QUIT, so nothing is ever delivered.",
            "UCCX sends agents' replies and reads routed email through this path; a refused recipient stops email routing.",
            cmdlets("Get-ReceiveConnector"),
            f -> "# check that " + f.environment().uccx().mailbox() + " exists and that the receive connector in front of " + f.target()
                    + " accepts mail for it (Get-ReceiveConnector, Get-Mailbox)"),

    LIVE_04("LIVE-04", "The IMAP port offers a login the UCCX client can use", Section.LIVE, "beyond the checklist", Severity.CRITICAL,
            "Beyond the checklist: the IMAP port must offer a login the UCCX client can use with the configured security "
                    + "(LOGINDISABLED without STARTTLS blocks plain LOGIN; Exchange's default LoginType is SecureLogin).",
            "With no usable login every agent's email is down although every limit is right.",
            cmdlets("Set-ImapSettings"),
            f -> "# use imap.security: starttls (and TLS in UCCX), or on each Client Access server "
                    + "Set-ImapSettings -LoginType PlainTextLogin and restart the IMAP4 service");

    /** A checklist section: the JUnit tag that runs it ({@code -Dgroups=imap}), the report's feature and suite. */
    public enum Section {
        SCOPE("scope", "Scope", "Scope: Exchange version"),
        IMAP("imap", "IMAP", "IMAP (checklist IMAP 1-4)"),
        SERVICES("services", "Services", "Services: the settings in effect"),
        SMTP("smtp", "SMTP", "SMTP receive connectors (checklist SMTP 1-2)"),
        THROTTLING("throttling", "Client throttling", "Client throttling (checklist)"),
        ACCOUNT("account", "UCCX account", "The UCCX mailbox and account (beyond the checklist)"),
        LIVE("live", "Live probes", "Live probes: what Exchange does for the UCCX account");

        private final String tag;
        private final String feature;
        private final String suite;

        Section(String tag, String feature, String suite) {
            this.tag = tag;
            this.feature = feature;
            this.suite = suite;
        }

        public String tag() {
            return tag;
        }

        public String feature() {
            return feature;
        }

        public String suite() {
            return suite;
        }
    }

    /** How much a violation costs the contact center, in the report's severity words. */
    public enum Severity {
        BLOCKER, CRITICAL, NORMAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One documentation page. */
    public record Doc(String name, String url) {
    }

    /** How a control writes its fix from what it found. */
    @FunctionalInterface
    public interface Fix {
        String commands(Finding finding);
    }

    private static final String CMDLETS = "https://learn.microsoft.com/powershell/module/exchange/";

    private final String id;
    private final String title;
    private final Section section;
    private final String checklistStep;
    private final Severity severity;
    private final String step;
    private final String why;
    private final List<Doc> docs;
    private final Fix fix;

    Control(String id, String title, Section section, String checklistStep, Severity severity, String step, String why, List<Doc> docs,
            Fix fix) {
        this.id = id;
        this.title = title;
        this.section = section;
        this.checklistStep = checklistStep;
        this.severity = severity;
        this.step = step;
        this.why = why;
        this.docs = List.copyOf(docs);
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Section section() {
        return section;
    }

    /** Where in Cisco's checklist it comes from, for example {@code IMAP 1}, or {@code beyond the checklist}. */
    public String checklistStep() {
        return checklistStep;
    }

    public Severity severity() {
        return severity;
    }

    /** What the checklist asks the Exchange admin to do (or, for the live controls, what is tried), with its numbers. */
    public String step() {
        return step;
    }

    /** What breaks for the contact center when it does not hold. */
    public String why() {
        return why;
    }

    /** The documentation of the cmdlets it reads and its fix uses. */
    public List<Doc> docs() {
        return docs;
    }

    /** The fix for what was found, one command per line. */
    public String fix(Finding finding) {
        return fix.commands(finding);
    }

    /** How a result names it: {@code IMAP-01 IMAP4 connection limits on every Client Access server · EXCH02}. */
    public String on(String target) {
        return id + " " + title + " · " + target;
    }

    public static Control ofId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no control " + id));
    }

    private static Thresholds checklist() {
        return Thresholds.checklist();
    }

    private static List<Doc> cmdlets(String... names) {
        return Arrays.stream(names).map(n -> new Doc(n, CMDLETS + n.toLowerCase(Locale.ROOT))).toList();
    }

    /**
     * IMAP-04's fix names the Deny entry that decided, when one did: an explicit one is removed where it is; an inherited
     * one sits on a container above the organization, and an explicit Allow on the organization beats it.
     */
    private static String grantViewInformationStoreStatus(String account, Optional<OrganizationPermission> deciding) {
        String grant = "Get-OrganizationConfig | Add-ADPermission -User '" + account + "' -ExtendedRights 'View Information Store status'";
        if (deciding.isEmpty() || !deciding.get().deny()) {
            return grant;
        }
        OrganizationPermission entry = deciding.get();
        if (entry.inherited()) {
            return "# the Deny for '" + entry.user() + "' is inherited from a container above the organization: remove it there,\n"
                    + "# or grant the right explicitly, which Windows weighs before any inherited Deny:\n" + grant;
        }
        String what = entry.extendedRights().isEmpty() ? "-AccessRights " + entry.accessRights().replace(" ", "")
                : "-ExtendedRights " + String.join(",", entry.extendedRights());
        return "# the explicit Deny for '" + entry.user() + "' decides; removing it may also restore other rights it denies:\n"
                + "Get-OrganizationConfig | Remove-ADPermission -User '" + entry.user() + "' " + what + " -Deny\n" + grant;
    }

    /** MBX-01's fix, one step per violated setting; the AD steps need no AD module (Windows Server 2008 R2 has it only with RSAT). */
    private static String accountFix(Finding f) {
        AccountReadiness readiness = f.judged(AccountReadiness.class);
        String dn = readiness.account().distinguishedName();
        StringBuilder fix = new StringBuilder();
        for (String setting : f.violatedSettings()) {
            switch (setting) {
                case AccountReadinessAssert.IMAP_ENABLED -> fix.append("Set-CASMailbox -Identity '").append(f.environment().uccx().mailbox())
                        .append("' -ImapEnabled $true\n");
                case AccountReadinessAssert.ENABLED -> fix.append("# enable the account (Active Directory Users and Computers: the account, "
                        + "Enable Account), or:\ndsmod user \"").append(dn).append("\" -disabled no\n");
                case AccountReadinessAssert.LOCKED_OUT -> fix.append("# unlock the account (Active Directory Users and Computers: the account, "
                        + "Properties, Account, Unlock account), and find what locks it (a stale password on an agent desktop?)\n");
                case AccountReadinessAssert.EXPIRY -> fix.append("# set a new password for ").append(f.environment().uccx().account())
                        .append(" (Active Directory Users and Computers: Reset Password), or:\ndsmod user \"").append(dn)
                        .append("\" -pwd *\n# then enter it in UCCX's email configuration (Cisco Unified CCX Administration, "
                                + "Subsystems > Chat and Email > Mail Server Configuration) and in this suite's environment\n");
                default -> fix.append("# ").append(setting).append(": see the finding\n");
            }
        }
        return fix.toString().stripTrailing();
    }

    /** EXC-02's fix: the list line the environment file needs for each list the server is missing from, or the waiver. */
    private static String scopeLines(Finding f) {
        ScopeCoverage coverage = f.judged(ScopeCoverage.class);
        StringBuilder lines = new StringBuilder("# in the environment file (the suite changes nothing on Exchange):");
        if (coverage.clientAccess() && !coverage.listedAsClientAccess()) {
            lines.append("\n#   exchange.").append(ScopeCoverage.listLine("clientAccessServers", coverage.clientAccessServers(), coverage.server()));
        }
        if (coverage.database().isPresent() && !coverage.listedAsMailbox()) {
            lines.append("\n#   exchange.").append(ScopeCoverage.listLine("mailboxServers", coverage.mailboxServers(), coverage.server()));
        }
        return lines.append("\n# or, if ").append(coverage.server()).append(" is left out on purpose, a waiver: {control: EXC-02, target: ")
                .append(coverage.server()).append(", reason: ...}").toString();
    }

    /** SMTP-02's fix: the connector to add to the environment file, or a RemoteIPRanges entry that makes a listed one selected. */
    private static String selectedConnectorLines(ConnectorSelection selection, List<String> inScope) {
        List<String> outside = selection.everySelected().stream().filter(c -> inScope.stream().noneMatch(c::equalsIgnoreCase)).toList();
        List<String> listedHere = inScope.stream().filter(c -> c.toLowerCase(Locale.ROOT)
                .startsWith(selection.server().toLowerCase(Locale.ROOT) + "\\")).toList();
        StringBuilder lines = new StringBuilder();
        if (!outside.isEmpty()) {
            List<String> line = new java.util.ArrayList<>(inScope);
            line.addAll(outside);
            lines.append("# Exchange selects ").append(outside.stream().map(c -> "'" + c + "'").collect(Collectors.joining(" or ")))
                    .append(" for ").append(selection.client()).append(" on ").append(selection.server())
                    .append(": add it to the environment file, so SMTP-01 checks the limits that apply:\n#   exchange.receiveConnectors: [")
                    .append(line.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", "))).append("]\n");
        } else {
            lines.append("# no enabled receive connector of ").append(selection.server()).append(" takes ").append(selection.client())
                    .append(" on port 25: the UCCX server cannot send there\n");
        }
        if (!listedHere.isEmpty()) {
            String connector = listedHere.get(0);
            lines.append("# or make '").append(connector).append("' the most specific match (review what else the change sends through it;\n"
                            + "# Exchange refuses an entry another connector on the same binding already has: remove it there first):\n")
                    .append("$c = Get-ReceiveConnector -Identity '").append(connector).append("'; $c.RemoteIPRanges += '")
                    .append(selection.client()).append("'\n")
                    .append("Set-ReceiveConnector -Identity '").append(connector).append("' -RemoteIPRanges $c.RemoteIPRanges");
        }
        return lines.toString().stripTrailing();
    }

    private static String unlimit(String policy, List<String> budgets) {
        return "Set-ThrottlingPolicy -Identity '" + policy + "' " + budgets.stream().map(b -> "-" + b + " $null").collect(Collectors.joining(" "));
    }
}
