package uccx.compliance.lab.powershell;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether PowerShell lets the script load RemoteExchange.ps1. Scopes are weighed in PowerShell's
 * order, the first that is not Undefined winning: MachinePolicy and UserPolicy (Group Policy, which
 * {@code -ExecutionPolicy} cannot override), Process ({@code powershell.exe -ExecutionPolicy}),
 * CurrentUser, LocalMachine; with none, Restricted (about_Execution_Policies). The script text
 * itself comes through {@code [scriptblock]::Create}, which no policy checks; a script file it
 * dot-sources is checked. The lab plays Restricted as refusing it; RemoteExchange.ps1 is signed by
 * Microsoft, so the other policies load it.
 */
final class ExecutionPolicy {

    private static final List<String> ORDER = List.of("MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine");
    private static final String REMOTE_EXCHANGE = "C:\\Program Files\\Microsoft\\Exchange Server\\V14\\bin\\RemoteExchange.ps1";

    private ExecutionPolicy() {
    }

    static String effective(Map<String, String> scopes, Optional<String> process) {
        for (String scope : ORDER) {
            String policy = scope.equals("Process") ? process.orElse("Undefined")
                    : scopes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(scope)).map(Map.Entry::getValue)
                    .findFirst().orElse("Undefined");
            if (!policy.equalsIgnoreCase("Undefined")) {
                return policy;
            }
        }
        return "Restricted";
    }

    /**
     * How the run ends when the setup section dot-sources RemoteExchange.ps1 under a Restricted
     * policy: PowerShell 2.0's error (captured in AWS Tools for PowerShell's user guide: "cannot be
     * loaded because the execution of scripts is disabled on this system", PSSecurityException,
     * FullyQualifiedErrorId RuntimeException) under {@code $ErrorActionPreference = 'Stop'} ends
     * the script before any fact; powershell.exe exits 1.
     */
    static Optional<LabPowerShell.Result> refusal(ScriptSections sections, Map<String, String> scopes, Optional<String> process) {
        boolean loadsScriptFile = sections.sections().stream()
                .anyMatch(s -> s.name().equals("setup") && s.body().contains("RemoteExchange.ps1"));
        if (!loadsScriptFile || !effective(scopes, process).equalsIgnoreCase("Restricted")) {
            return Optional.empty();
        }
        String message = "File " + REMOTE_EXCHANGE + " cannot be loaded because the execution of scripts is disabled on this system."
                + " Please see \"get-help about_signing\" for more details.";
        Serialized error = ErrorRecordShape.of(message, "RuntimeException", "", "", "NotSpecified: (:) [], PSSecurityException");
        return Optional.of(new LabPowerShell.Result("", new CliXmlWriter().write("Error", error).finish(), 1));
    }
}
