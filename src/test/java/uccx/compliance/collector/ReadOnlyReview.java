package uccx.compliance.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a script, read as a syntax tree, does only what the suite reviewed as reading: every
 * command by its own name and on the {@link AllowList}, no alias, no computed command name but the
 * one reviewed, and every .NET call and New-Object type on the short lists below, each with why it
 * changes nothing on a target.
 *
 * <p>This catches a mistake of ours before it ships; it is not the boundary. The boundary is the
 * audit account's rights (README, "What the suite promises": View-Only Organization Management
 * and no Windows administration), which hold whatever a script says.
 */
final class ReadOnlyReview {

    /**
     * Windows PowerShell 2.0's built-in aliases ({@code Get-Alias} on a fresh 2.0 console;
     * Microsoft Learn, about_Aliases). A script names the command itself: an alias reads as a
     * different command than it runs ({@code iex}, {@code gwmi}) and may be redefined.
     */
    static final Map<String, String> POWERSHELL_2_ALIASES = Map.ofEntries(
            Map.entry("%", "ForEach-Object"), Map.entry("?", "Where-Object"), Map.entry("ac", "Add-Content"),
            Map.entry("cat", "Get-Content"), Map.entry("cd", "Set-Location"), Map.entry("clc", "Clear-Content"),
            Map.entry("cli", "Clear-Item"), Map.entry("clp", "Clear-ItemProperty"), Map.entry("copy", "Copy-Item"),
            Map.entry("cp", "Copy-Item"), Map.entry("cpi", "Copy-Item"), Map.entry("del", "Remove-Item"),
            Map.entry("dir", "Get-ChildItem"), Map.entry("echo", "Write-Output"), Map.entry("erase", "Remove-Item"),
            Map.entry("foreach", "ForEach-Object"), Map.entry("ft", "Format-Table"), Map.entry("fl", "Format-List"),
            Map.entry("gc", "Get-Content"), Map.entry("gci", "Get-ChildItem"), Map.entry("gcm", "Get-Command"),
            Map.entry("gi", "Get-Item"), Map.entry("gm", "Get-Member"), Map.entry("gp", "Get-ItemProperty"),
            Map.entry("gps", "Get-Process"), Map.entry("group", "Group-Object"), Map.entry("gsv", "Get-Service"),
            Map.entry("gv", "Get-Variable"), Map.entry("gwmi", "Get-WmiObject"), Map.entry("icm", "Invoke-Command"),
            Map.entry("iex", "Invoke-Expression"), Map.entry("ii", "Invoke-Item"), Map.entry("ipmo", "Import-Module"),
            Map.entry("iwmi", "Invoke-WmiMethod"), Map.entry("kill", "Stop-Process"), Map.entry("ls", "Get-ChildItem"),
            Map.entry("measure", "Measure-Object"), Map.entry("md", "mkdir"), Map.entry("mi", "Move-Item"),
            Map.entry("move", "Move-Item"), Map.entry("mv", "Move-Item"), Map.entry("nal", "New-Alias"),
            Map.entry("ni", "New-Item"), Map.entry("nv", "New-Variable"), Map.entry("ps", "Get-Process"),
            Map.entry("rd", "Remove-Item"), Map.entry("ren", "Rename-Item"), Map.entry("ri", "Remove-Item"),
            Map.entry("rm", "Remove-Item"), Map.entry("rmdir", "Remove-Item"), Map.entry("rni", "Rename-Item"),
            Map.entry("rp", "Remove-ItemProperty"), Map.entry("rwmi", "Remove-WmiObject"), Map.entry("sal", "Set-Alias"),
            Map.entry("saps", "Start-Process"), Map.entry("sasv", "Start-Service"), Map.entry("sc", "Set-Content"),
            Map.entry("select", "Select-Object"), Map.entry("set", "Set-Variable"), Map.entry("si", "Set-Item"),
            Map.entry("sleep", "Start-Sleep"), Map.entry("sort", "Sort-Object"), Map.entry("sp", "Set-ItemProperty"),
            Map.entry("spps", "Stop-Process"), Map.entry("spsv", "Stop-Service"), Map.entry("start", "Start-Process"),
            Map.entry("sv", "Set-Variable"), Map.entry("swmi", "Set-WmiInstance"), Map.entry("tee", "Tee-Object"),
            Map.entry("type", "Get-Content"), Map.entry("where", "Where-Object"), Map.entry("write", "Write-Output"));

    /** The one computed command name reviewed: Exchange's own RemoteExchange.ps1, dot-sourced to load its cmdlets. */
    static final String LOADS_THE_EXCHANGE_CMDLETS = "($env:ExchangeInstallPath + 'bin\\RemoteExchange.ps1')";

    /**
     * Static .NET calls reviewed as reading or building local objects only: {@code Type::Method},
     * type names as written or without {@code System.}, compared without case.
     */
    static final Set<String> READ_ONLY_STATIC_CALLS = Set.of(
            "bitconverter::getbytes", "bitconverter::toint32",   // reinterpret a registry DWORD's bits
            "math::ceiling",                                     // arithmetic
            "microsoft.win32.registrykey::openremotebasekey",    // opens a remote hive; only OpenSubKey (read-only form) follows
            "powershell::create", "runspacefactory::createrunspacepool", // local runspaces for the per-server reads
            "net.dns::gethostentry",                             // a DNS lookup
            "hashtable::synchronized");                          // a local table the reads write their start times to

    /**
     * Methods called on values, reviewed as reading or acting on the script's own local objects.
     * A name stands for every type that has it, so a writing method of the same name on another
     * type would pass: keep the list to names with no writing meaning in this script.
     */
    static final Set<String> READ_ONLY_METHODS = Set.of(
            "addargument", "addscript", "begininvoke", "endinvoke", "waitone", "open", "close", "dispose",
            "setmaxrunspaces",                                   // the script's own runspace pool and PowerShell objects
            "enumvalues", "getbinaryvalue", "getdwordvalue", "getexpandedstringvalue", "getmultistringvalue",
            "getqwordvalue", "getstringvalue",                   // WMI StdRegProv's reading methods
            "opensubkey", "getvalue", "getvaluekind",            // Microsoft.Win32.RegistryKey, OpenSubKey(name) opens read-only
            "tostring", "touniversaltime", "addhours", "translate", // values: text, dates, an NTAccount to a SID
            "tolower",                                           // a string's lower-case copy
            "findone");                                          // DirectorySearcher: one LDAP search, a read

    /** Types New-Object may build: property bags, a token for group membership, a timeout's error record. */
    static final Set<String> READ_ONLY_TYPES = Set.of("psobject", "security.principal.windowsidentity", "timeoutexception",
            "management.automation.errorrecord",
            // MBX-01's account fact: a DirectoryEntry bound to one object and a base-scope DirectorySearcher over it only read
            // (nothing calls CommitChanges, Invoke or any setter; Microsoft Learn, System.DirectoryServices namespace).
            "directoryservices.directoryentry", "directoryservices.directorysearcher");

    private ReadOnlyReview() {
    }

    /** Everything in the script that is not reviewed as reading, one line each; empty when it only reads. */
    static List<String> findingsIn(ScriptSyntax syntax) {
        List<String> findings = new ArrayList<>();
        for (String command : syntax.commands()) {
            String alias = POWERSHELL_2_ALIASES.get(command.toLowerCase(Locale.ROOT));
            if (alias != null) {
                findings.add(command + " is an alias of " + alias + ": name the command itself");
            } else if (!AllowList.allows(command)) {
                findings.add(command + " is not on the allow-list");
            }
        }
        syntax.dynamicCommands().stream().filter(d -> !d.text().equals(LOADS_THE_EXCHANGE_CMDLETS))
                .forEach(d -> findings.add("line " + d.line() + ": " + d.operator() + " " + d.text()
                        + " runs a computed command name, which no review can judge"));
        for (ScriptSyntax.MethodCall call : syntax.methodCalls()) {
            if (call.method() == null) {
                findings.add("line " + call.line() + ": " + call.text() + " calls a computed method name, which no review can judge");
            } else if (call.type().isEmpty() && !READ_ONLY_METHODS.contains(lower(call.method()))) {
                findings.add("line " + call.line() + ": ." + call.method() + "() is not a reviewed read-only method");
            } else if (!call.type().isEmpty() && !READ_ONLY_STATIC_CALLS.contains(typeName(call.type()) + "::" + lower(call.method()))) {
                findings.add("line " + call.line() + ": [" + call.type() + "]::" + call.method() + "() is not a reviewed read-only call");
            }
        }
        for (ScriptSyntax.NewObject created : syntax.newObjects()) {
            if (created.type() == null || !READ_ONLY_TYPES.contains(typeName(created.type()))) {
                findings.add("line " + created.line() + ": New-Object " + (created.type() == null ? "(computed type)" : created.type())
                        + " is not a reviewed type");
            }
        }
        return findings;
    }

    private static String typeName(String written) {
        String t = lower(written);
        return t.startsWith("system.") ? t.substring("system.".length()) : t;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
