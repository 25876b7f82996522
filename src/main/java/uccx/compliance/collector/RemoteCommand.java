package uccx.compliance.collector;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command line and the lines written to its standard input: the only thing a
 * {@link uccx.compliance.collector.shell.ManagementShell} can send. It cannot be built around a
 * command that the {@link AllowList} refuses (in the command line, in its {@code -EncodedCommand}
 * or in any input line), so a writing cmdlet never leaves the runner.
 *
 * @param commandLine    what cmd.exe (or the local process) runs
 * @param standardInput  lines sent to the command's standard input, in order, each ended by CRLF
 * @param credentialLine the command reads one more line after them: the audit account's password
 *                       for the second hop, which only the shell that holds it appends (see
 *                       {@link uccx.compliance.collector.shell.ManagementShell#bringsCredential()}); it is
 *                       never part of this record, so nothing that prints or keeps a command can show it
 */
public record RemoteCommand(String commandLine, List<String> standardInput, boolean credentialLine) {

    /** A command that reads nothing after its input lines. */
    public RemoteCommand(String commandLine, List<String> standardInput) {
        this(commandLine, standardInput, false);
    }

    /** cmd.exe refuses longer command lines. */
    public static final int MAX_COMMAND_LINE = 8191;

    private static final Pattern ENCODED = Pattern.compile("(?i)-e(?:nc(?:odedcommand)?)?\\s+([A-Za-z0-9+/=]+)");

    public RemoteCommand {
        standardInput = List.copyOf(standardInput);
        if (commandLine.length() > MAX_COMMAND_LINE) {
            throw new RefusedCommandException("refused before sending: the command line has " + commandLine.length()
                    + " characters, cmd.exe accepts at most " + MAX_COMMAND_LINE);
        }
        List<String> refused = AllowList.refusedCommandsIn(powerShellOf(commandLine, standardInput));
        if (!refused.isEmpty()) {
            throw new RefusedCommandException("refused before sending: " + String.join(", ", refused)
                    + (refused.size() == 1 ? " is not" : " are not") + " a reading command; the suite never changes a target");
        }
    }

    /** All PowerShell this command carries: the command line, its decoded -EncodedCommand and the input lines. */
    public String powerShellText() {
        return powerShellOf(commandLine, standardInput);
    }

    /** The -EncodedCommand of the command line, decoded, or empty when it has none. */
    public String encodedCommand() {
        Matcher m = ENCODED.matcher(commandLine);
        return m.find() ? decode(m.group(1)) : "";
    }

    private static String powerShellOf(String commandLine, List<String> input) {
        Matcher m = ENCODED.matcher(commandLine);
        String decoded = m.find() ? decode(m.group(1)) : "";
        return commandLine + "\n" + decoded + "\n" + String.join("\n", input);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_16LE);
        } catch (IllegalArgumentException notBase64) {
            throw new RefusedCommandException("refused before sending: -EncodedCommand is not valid base64");
        }
    }

    /** PowerShell's -EncodedCommand form of a script: base64 of its UTF-16LE bytes. */
    public static String encode(String powerShell) {
        return Base64.getEncoder().encodeToString(powerShell.getBytes(StandardCharsets.UTF_16LE));
    }
}
