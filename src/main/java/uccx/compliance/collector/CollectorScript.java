package uccx.compliance.collector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bundled, reviewed collector script and the one remote command that carries it.
 *
 * <p>The script travels on standard input, not on the command line: cmd.exe cuts command lines
 * at 8,191 characters, and the script is longer. The command line holds only a short
 * {@code -EncodedCommand} bootstrap that reads input lines up to a sentinel line and runs them.
 * It stops at the sentinel, never at end of input, because Overthere never closes the remote
 * standard input and reading to its end would hang.
 */
public final class CollectorScript {

    /** The line after the script; never a line of the script itself. */
    public static final String END_OF_SCRIPT = "#uccx-compliance:end-of-script";

    private static final String RESOURCE = "collect-facts.ps1";

    /**
     * {@code -InputFormat None}: with redirected standard input, PowerShell 2.0's console host
     * otherwise reads it itself, in its own buffer, before the bootstrap's {@code [Console]::In}
     * can, and waits for an end of input that Overthere never sends; Chef starts powershell.exe
     * the same way for that reason (chef, lib/chef/mixin/powershell_out.rb: "PowerShell will hang
     * if STDIN is redirected"). {@code -ExecutionPolicy Bypass}: the script dot-sources
     * RemoteExchange.ps1, a script file, which a Restricted policy (Windows Server 2008 R2's
     * default) refuses; a policy set by Group Policy still wins over it (about_Execution_Policies).
     */
    static final String OPTIONS = "-NoLogo -NoProfile -NonInteractive -ExecutionPolicy Bypass -InputFormat None -OutputFormat XML";

    private static final String READ_SCRIPT = "$l=[Console]::In.ReadLine();$s=New-Object Text.StringBuilder;"
            + "while($l -ne $null -and $l -ne '" + END_OF_SCRIPT + "'){[void]$s.AppendLine($l);$l=[Console]::In.ReadLine()};";

    private static final String RUN_SCRIPT = "& ([scriptblock]::Create($s.ToString()))";

    /**
     * For {@code secondHop: credential}: the line after the sentinel is the audit account's password
     * (base64 of UTF-16LE, appended by the shell), kept only as a read-only SecureString inside a
     * PSCredential for the account this logon already is; the script, run in a child scope, sees
     * {@code $UccxSecondHopCredential} and uses it for each second hop. It is never written to a
     * file, a command line or the output.
     */
    private static final String READ_CREDENTIAL = "$k=New-Object Security.SecureString;"
            + "foreach($c in [Text.Encoding]::Unicode.GetString([Convert]::FromBase64String([Console]::In.ReadLine())).ToCharArray())"
            + "{$k.AppendChar($c)};$k.MakeReadOnly();"
            + "$UccxSecondHopCredential=New-Object Management.Automation.PSCredential("
            + "[Security.Principal.WindowsIdentity]::GetCurrent().Name,$k);";

    private final String body;

    private CollectorScript(String body) {
        this.body = body;
    }

    public static CollectorScript bundled() {
        try (InputStream in = CollectorScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the collector script " + RESOURCE + " is missing from the build");
            }
            return new CollectorScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reviewed script text, as bundled. */
    public String body() {
        return body;
    }

    /** The whole script for a scope: a parameters section, then the bundled script. */
    public String forScope(CollectionScope scope) {
        return parameters(scope) + body;
    }

    /** The one command of a run: the bootstrap on the command line, the script and the sentinel on standard input. */
    public RemoteCommand command(CollectionScope scope) {
        return command(scope, false);
    }

    /**
     * @param readsCredential whether the bootstrap reads the second-hop credential the shell sends
     *                        after the sentinel ({@code secondHop: credential})
     */
    public RemoteCommand command(CollectionScope scope, boolean readsCredential) {
        List<String> input = new ArrayList<>(forScope(scope).lines().toList());
        input.add(END_OF_SCRIPT);
        String bootstrap = READ_SCRIPT + (readsCredential ? READ_CREDENTIAL : "") + RUN_SCRIPT;
        String commandLine = "powershell.exe " + OPTIONS + " -EncodedCommand " + RemoteCommand.encode(bootstrap);
        return new RemoteCommand(commandLine, input, readsCredential);
    }

    static String parameters(CollectionScope scope) {
        return "#region parameters\r\n"
                + "$UccxClientAccessServers = " + array(scope.clientAccessServers()) + "\r\n"
                + "$UccxMailboxServers = " + array(scope.mailboxServers()) + "\r\n"
                + "$UccxMailbox = " + quote(scope.mailbox()) + "\r\n"
                + "$UccxAccount = " + quote(scope.account()) + "\r\n"
                + "$UccxEventLookbackHours = " + scope.eventLookbackHours() + "\r\n"
                + "$UccxTargetSeconds = " + scope.targetBound().toSeconds() + "\r\n"
                + "$UccxParallelTargets = " + scope.parallelTargets() + "\r\n"
                + "#endregion\r\n\r\n";
    }

    private static String array(List<String> values) {
        return "@(" + values.stream().map(CollectorScript::quote).collect(Collectors.joining(", ")) + ")";
    }

    /** A single-quoted PowerShell string: nothing inside is expanded; a quote is doubled. */
    static String quote(String value) {
        return "'" + value.replace("'", "''").replace("\u2018", "\u2018\u2018").replace("\u2019", "\u2019\u2019") + "'";
    }
}
