package uccx.compliance.controls;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Exchange Management Shell commands that fix a violated control, as the checklist gives
 * them, one command per line (lines starting with {@code #} are notes). They are text for the
 * admin to review and run: the suite never runs them.
 */
public final class Remediation {

    private Remediation() {
    }

    public static String imapSettings(String server, List<Threshold> violated) {
        return "Set-ImapSettings -Server " + server + " " + parameters(violated) + "\n"
                + "# the IMAP4 service reads its settings at start:\n"
                + "Get-Service MSExchangeIMAP4 -ComputerName " + server + " | Restart-Service";
    }

    public static String serviceSessions(String server, Threshold threshold) {
        return "reg add \"\\\\" + server + "\\HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\" /v "
                + "\"Maximum Allowed Service Sessions Per User\" /t REG_DWORD /d " + threshold.minimum() + " /f\n"
                + "# the store reads the value at start (KB 980049); restarting it disconnects every user of " + server + ":\n"
                + "Get-Service MSExchangeIS -ComputerName " + server + " | Restart-Service";
    }

    public static String storeEvents(String server, Threshold threshold) {
        return "# raise 'Maximum Allowed Service Sessions Per User' on " + server + " to at least " + threshold.minimum()
                + " (IMAP-02) and restart the Information Store;\n"
                + "# KB 980049: only the registry value stops event 9646";
    }

    /**
     * @param denying the Deny entry that decided, when one did: an explicit one is removed where it is; an inherited one
     *                sits on a parent container, and an explicit Allow on the organization beats it
     */
    public static String permission(String account, java.util.Optional<uccx.compliance.collector.facts.OrganizationPermission> denying) {
        String grant = "Get-OrganizationConfig | Add-ADPermission -User '" + account + "' -ExtendedRights 'View Information Store status'";
        if (denying.isEmpty() || !denying.get().deny()) {
            return grant;
        }
        var entry = denying.get();
        if (entry.inherited()) {
            return "# the Deny for '" + entry.user() + "' is inherited from a container above the organization: remove it there,\n"
                    + "# or grant the right explicitly, which Windows weighs before any inherited Deny:\n" + grant;
        }
        String what = entry.extendedRights().isEmpty() ? "-AccessRights " + entry.accessRights().replace(" ", "")
                : "-ExtendedRights " + String.join(",", entry.extendedRights());
        return "# the explicit Deny for '" + entry.user() + "' decides; removing it may also restore other rights it denies:\n"
                + "Get-OrganizationConfig | Remove-ADPermission -User '" + entry.user() + "' " + what + " -Deny\n" + grant;
    }

    public static String receiveConnector(String identity, List<Threshold> violated) {
        return "Set-ReceiveConnector -Identity '" + identity + "' " + parameters(violated);
    }

    public static String assignPolicy(String mailbox, String policy) {
        return "# create the policy if it does not exist yet, then assign it:\n"
                + "New-ThrottlingPolicy -Name '" + policy + "'\n"
                + "Set-Mailbox -Identity '" + mailbox + "' -ThrottlingPolicy '" + policy + "'";
    }

    public static String unlimitedBudgets(String policy, List<String> budgets) {
        return "Set-ThrottlingPolicy -Identity '" + policy + "' "
                + budgets.stream().map(b -> "-" + b + " $null").collect(Collectors.joining(" "));
    }

    public static String version(String found) {
        return "# set exchange.version to " + found + " in the environment file if that is what runs,\n"
                + "# or bring every server to the same service pack";
    }

    private static String parameters(List<Threshold> thresholds) {
        return thresholds.stream().map(t -> "-" + t.setting() + " " + t.minimum()).collect(Collectors.joining(" "));
    }
}
