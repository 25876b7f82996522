package uccx.compliance.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a real site must have set up for the collector to read a fact, recognised from the error
 * Windows or Exchange gave, so that a could-not-verify says which prerequisite failed and where
 * the README shows how to fix it. Until a real organisation has answered, the texts come from
 * Microsoft's documentation and published error captures; an error none of them matches is
 * reported as written, with no guess.
 */
public enum Prerequisite {

    EXECUTION_POLICY("the execution policy", "Execution policy",
            "powershell.exe must be allowed to load RemoteExchange.ps1: the suite passes -ExecutionPolicy Bypass, which a policy set "
                    + "by Group Policy (MachinePolicy or UserPolicy) overrides; Get-ExecutionPolicy -List shows which",
            Set.of(), "execution of scripts is disabled", "pssecurityexception", "is not digitally signed", "cannot be loaded because"),
    WINRM_RIGHTS("WinRM rights", "WinRM rights",
            "the audit account must be allowed to open a WinRM shell (winrm configSDDL default: Read and Execute)",
            Set.of(), "http 401", "access is denied", "accessdenied", "may not open a winrm shell"),
    SECOND_HOP("the second hop", "The second hop",
            "a credential of the audit account must reach the WinRM server for it to go on to the Exchange session and the other "
                    + "servers: delegation to a server Active Directory trusts for delegation, or exchange.management.secondHop: credential "
                    + "(no delegation), or transport: local on a server with the Exchange Management Tools",
            Set.of(), "kerberos", "connecting to remote server", "/powershell", "double hop", "anonymous logon",
            "logon session does not exist", "0x8009030e"),
    RBAC_ROLE("an Exchange role (RBAC)", "Exchange role",
            "the audit account needs the role group View-Only Organization Management, which gives it the Get- cmdlets the script calls",
            Set.of(FactName.EXCHANGE_SERVERS, FactName.IMAP_SETTINGS, FactName.ORGANIZATION_PERMISSIONS, FactName.RECEIVE_CONNECTORS,
                    FactName.MAILBOX, FactName.THROTTLING_POLICIES, FactName.ACCOUNT_GROUPS),
            "is not recognized as the name of a cmdlet", "commandnotfoundexception", "insufficient access rights",
            "current management scope", "access denied", "access is denied", "unauthorizedaccess"),
    EVENT_LOG_READERS("Event Log Readers", "Event Log Readers",
            "the audit account must be in the local group Event Log Readers of the Mailbox server",
            Set.of(FactName.STORE_EVENTS), "unauthorized operation", "unauthorizedaccess", "access is denied"),
    EVENT_LOG_FIREWALL("the Remote Event Log Management firewall rules", "Event Log Readers",
            "the firewall rule group Remote Event Log Management must be enabled on the Mailbox server, and the server up",
            Set.of(FactName.STORE_EVENTS), "rpc server is unavailable", "eventlogexception"),
    REMOTE_REGISTRY("the Remote Registry service or the firewall", "Remote registry",
            "the Remote Registry service must run on the Mailbox server and the firewall must let the runner's server reach it "
                    + "(File and Printer Sharing, SMB 445)",
            Set.of(FactName.REGISTRY), "network path was not found", "rpc server is unavailable", "network name cannot be found"),
    REGISTRY_READ("read access to the remote registry", "Remote registry",
            "the audit account must be allowed to read winreg (HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurePipeServers\\winreg) "
                    + "and the MSExchangeIS key",
            Set.of(FactName.REGISTRY), "registry access is not allowed", "securityexception", "access is denied", "unauthorized"),
    TOKEN_GROUPS("reading the UCCX account's groups", "The UCCX account's groups",
            "the audit account must be allowed to read the UCCX account's tokenGroupsGlobalAndUniversal (the domain group "
                    + "Windows Authorization Access Group), and the account needs a UserPrincipalName",
            Set.of(FactName.ACCOUNT_GROUPS), "windowsidentity", "userprincipalname", "logon failure", "access is denied",
            "not a properly formed account name"),
    WMI_REMOTE_ACCESS("remote WMI (root\\cimv2)", "Remote WMI",
            "the audit account must be allowed Enable Account and Remote Enable on the WMI namespace root\\cimv2 of the server, be in "
                    + "Distributed COM Users there, and the firewall rule group Windows Management Instrumentation (WMI) must be enabled",
            Set.of(FactName.SERVICES), "access is denied", "e_accessdenied", "0x80070005", "rpc server is unavailable", "0x800706ba",
            "getwmicomexception", "unauthorizedaccess");

    /** The heading of the README section under "Preparing a real site" that explains the fix. */
    private final String readmeSection;
    private final String label;
    private final String fix;
    private final Set<FactName> facts;
    private final List<String> signs;

    Prerequisite(String label, String readmeSection, String fix, Set<FactName> facts, String... signs) {
        this.label = label;
        this.readmeSection = readmeSection;
        this.fix = fix;
        this.facts = facts;
        this.signs = List.of(signs);
    }

    public String readmeSection() {
        return readmeSection;
    }

    /**
     * The prerequisites an error points at, most likely first. A fact's own prerequisites are
     * weighed first; the whole-run ones (execution policy, second hop) for any fact; WinRM rights
     * only for the management command itself ({@code fact} null).
     */
    public static List<Prerequisite> behind(FactName fact, String hop, String message, String errorId) {
        String text = ((hop == null ? "" : hop) + " " + (message == null ? "" : message) + " " + (errorId == null ? "" : errorId))
                .toLowerCase(Locale.ROOT);
        List<Prerequisite> found = new ArrayList<>();
        for (Prerequisite p : values()) {
            // WinRM rights decide only whether the one command could start: a WinRM failure of its own.
            boolean applies = p == WINRM_RIGHTS ? fact == null && text.contains("winrm")
                    : p.facts.isEmpty() || fact != null && p.facts.contains(fact);
            if (applies && p.signs.stream().anyMatch(text::contains)) {
                found.add(p);
            }
        }
        // "Access is denied" on another server is also what a missing credential there looks like.
        boolean denied = text.contains("access is denied") || text.contains("unauthorized");
        if (denied && fact != null && (fact == FactName.REGISTRY || fact == FactName.STORE_EVENTS
                || fact == FactName.SERVICES) && !found.contains(SECOND_HOP)) {
            found.add(SECOND_HOP);
        }
        return found;
    }

    /** For example {@code prerequisite: Event Log Readers on EXCH02 ... (README: Preparing a real site, "Event Log Readers")}. */
    public static Optional<String> advice(List<Prerequisite> prerequisites, String target) {
        if (prerequisites.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("prerequisite: ");
        for (int i = 0; i < prerequisites.size(); i++) {
            Prerequisite p = prerequisites.get(i);
            text.append(i == 0 ? "" : "; or ").append(p.label).append(target == null || target.isBlank() ? "" : " (" + target + ")")
                    .append(": ").append(p.fix).append(" (README: Preparing a real site, \"").append(p.readmeSection).append("\")");
        }
        return Optional.of(text.toString());
    }
}
