package uccx.compliance.collector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guard against our own mistakes, not a security boundary: before anything is sent, a remote
 * command whose text holds a Verb-Noun token with a writing verb (Set, New, Add, Remove, Restart,
 * Invoke, ...) is refused, so that a slip in the collector script or in a caller fails here instead
 * of reaching Exchange.
 *
 * <p>It reads text with a regular expression, so it cannot see a write that is not spelled as one:
 * an alias ({@code iex}), a computed name ({@code & ('Set-' + 'Mailbox')}), a .NET call
 * ({@code [IO.File]::Delete(...)}) all pass it (the tests' fixture
 * {@code refused-fixture-hides-a-write.ps1} shows each). What the script runs is reviewed from its
 * syntax tree by the tests ({@code CollectorScriptGrammarTest}). The boundary is the audit account's
 * rights: the read-only Exchange role group View-Only Organization Management and no Windows
 * administration (README, "What the suite promises, and how each promise is proven").
 */
public final class AllowList {

    /**
     * Commands that read, or only build objects in the local session. Every Get-* cmdlet reads.
     * New-PSSession and Import-PSSession open the Exchange session with the second-hop credential
     * and load its proxy functions into this session, as Connect-ExchangeServer does inside: they
     * change nothing on a target, and every cmdlet the script then calls is still checked here.
     */
    private static final Set<String> ALLOWED = Set.of(
            "select-object", "where-object", "foreach-object", "sort-object", "measure-object",
            "group-object", "new-object", "write-output", "out-string", "out-null", "connect-exchangeserver",
            "new-pssession", "import-pssession");

    /**
     * PowerShell's approved verbs. A token is taken for a command when its first part is one of
     * them, so data such as {@code ms-Exch-Store-Visible} or {@code MSExchangeIS} is not a command.
     */
    private static final Set<String> VERBS = Set.of(
            "add", "approve", "assert", "backup", "block", "build", "checkpoint", "clear", "close", "compare",
            "complete", "compress", "confirm", "connect", "convert", "convertfrom", "convertto", "copy", "debug",
            "deny", "deploy", "disable", "disconnect", "dismount", "edit", "enable", "enter", "exit", "expand",
            "export", "find", "foreach", "format", "get", "grant", "group", "hide", "import", "initialize",
            "install", "invoke", "join", "limit", "lock", "measure", "merge", "mount", "move", "new", "open",
            "optimize", "out", "ping", "pop", "protect", "publish", "push", "read", "receive", "redo", "register",
            "remove", "rename", "repair", "request", "reset", "resize", "resolve", "restart", "restore", "resume",
            "revoke", "save", "search", "select", "send", "set", "show", "skip", "sort", "split", "start", "step",
            "stop", "submit", "suspend", "switch", "sync", "tee", "test", "trace", "unblock", "undo", "uninstall",
            "unlock", "unprotect", "unpublish", "unregister", "update", "use", "wait", "watch", "where", "write");

    private static final Pattern VERB_NOUN = Pattern.compile("(?<![\\w$.\\-/\\\\])([A-Za-z]+)-([A-Za-z][A-Za-z0-9]*)(?![\\w\\-])");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("<#.*?#>", Pattern.DOTALL);

    private AllowList() {
    }

    /** Whether one command (for example {@code Get-ImapSettings}) may be sent to a target. */
    public static boolean allows(String command) {
        String name = command.toLowerCase(Locale.ROOT);
        return ALLOWED.contains(name) || (name.startsWith("get-") && name.length() > 4);
    }

    /**
     * Every command in a PowerShell text that the allow-list refuses, in order of appearance.
     * Comments are skipped; strings are not, so a refused name cannot hide in a string that a
     * script might later run.
     */
    public static List<String> refusedCommandsIn(String powerShell) {
        String code = BLOCK_COMMENT.matcher(powerShell).replaceAll(" ");
        List<String> refused = new ArrayList<>();
        for (String line : code.split("\\R")) {
            Matcher m = VERB_NOUN.matcher(withoutLineComment(line));
            while (m.find()) {
                boolean isCommand = VERBS.contains(m.group(1).toLowerCase(Locale.ROOT));
                if (isCommand && !allows(m.group())) {
                    refused.add(m.group());
                }
            }
        }
        return refused;
    }

    private static String withoutLineComment(String line) {
        return line.stripLeading().startsWith("#") ? "" : line;
    }
}
