package uccx.compliance.lab.powershell;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code powershell.exe} command line (PowerShell 2.0's {@code powershell.exe -?})
 * that decide how the lab's host behaves before any script line runs.
 *
 * @param inputFormat     {@code -InputFormat}: Text (PowerShell's default) or None
 * @param executionPolicy {@code -ExecutionPolicy}, the Process scope's policy, when given
 * @param xmlOutput       whether {@code -OutputFormat XML} was given
 * @param bootstrap       the decoded {@code -EncodedCommand}, or empty
 */
record PowerShellCommandLine(String inputFormat, Optional<String> executionPolicy, boolean xmlOutput, String bootstrap) {

    private static final Pattern ENCODED = Pattern.compile("(?i)(?:^|\\s)-e(?:nc(?:odedcommand)?)?\\s+([A-Za-z0-9+/=]+)");
    // PowerShell accepts any unambiguous prefix of a parameter name; these are the forms clients write.
    private static final Pattern INPUT_FORMAT = Pattern.compile("(?i)(?:^|\\s)-(?:InputFormat|inp|if)\\s+(\\w+)");
    private static final Pattern OUTPUT_FORMAT = Pattern.compile("(?i)(?:^|\\s)-(?:OutputFormat|o|of)\\s+(\\w+)");
    private static final Pattern EXECUTION_POLICY = Pattern.compile("(?i)(?:^|\\s)-(?:ExecutionPolicy|ex|ep)\\s+(\\w+)");

    static PowerShellCommandLine parse(String commandLine) {
        Matcher encoded = ENCODED.matcher(commandLine);
        String bootstrap = encoded.find() ? new String(Base64.getDecoder().decode(encoded.group(1)), StandardCharsets.UTF_16LE) : "";
        Matcher input = INPUT_FORMAT.matcher(commandLine);
        Matcher output = OUTPUT_FORMAT.matcher(commandLine);
        Matcher policy = EXECUTION_POLICY.matcher(commandLine);
        return new PowerShellCommandLine(input.find() ? input.group(1) : "Text",
                policy.find() ? Optional.of(policy.group(1)) : Optional.empty(),
                output.find() && output.group(1).equalsIgnoreCase("XML"), bootstrap);
    }

    /**
     * Whether the console host reads redirected standard input itself. With any input format but
     * None, PowerShell 2.0's host takes standard input as the command's pipeline input, through a
     * buffer of its own, and waits for its end (Chef starts powershell.exe with
     * {@code -InputFormat None} because "PowerShell will hang if STDIN is redirected",
     * lib/chef/mixin/powershell_out.rb; also psake pull request 72).
     */
    boolean hostReadsStandardInput() {
        return !inputFormat.toLowerCase(Locale.ROOT).equals("none");
    }
}
