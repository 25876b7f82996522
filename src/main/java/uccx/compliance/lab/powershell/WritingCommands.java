package uccx.compliance.lab.powershell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's own check that what reaches it only reads. It is deliberately independent of the
 * runner's allow-list: if the runner's guard ever let a writing command through, the lab still
 * notices and fails the run.
 */
final class WritingCommands {

    private static final Pattern WRITING = Pattern.compile(
            "(?i)(?<![\\w$.-])(set|new|add|remove|enable|disable|restart|stop|start|clear|move|update|install|uninstall|mount|dismount"
                    + "|invoke|export|import|suspend|resume|rename|reset|grant|revoke|register|unregister|out|write|send|copy)"
                    + "-(?!object\\b|output\\b|string\\b|null\\b)[a-z][a-z0-9]*\\b");

    /**
     * Commands this lab accepts though their verb could write: they only build objects in memory,
     * or (New-PSSession, Import-PSSession) open the Exchange session and load its proxies, as
     * Connect-ExchangeServer does inside; what the script calls through them is checked here too.
     */
    private static final Pattern IN_MEMORY = Pattern.compile("(?i)^(new-object|out-null|out-string|write-output|new-pssession|import-pssession)$");

    private WritingCommands() {
    }

    static List<String> in(String powerShell) {
        List<String> found = new ArrayList<>();
        for (String line : powerShell.split("\\R")) {
            if (line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = WRITING.matcher(line);
            while (m.find()) {
                if (!IN_MEMORY.matcher(m.group()).matches()) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }
}
