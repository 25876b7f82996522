package uccx.compliance.lab.winrm;

import java.util.Locale;

/** The parts of cmd.exe's behaviour a WinRM command line meets before anything runs. */
final class CmdExe {

    /** cmd.exe's buffer: longer command lines are refused with "The command line is too long." */
    static final int MAX_COMMAND_LINE = 8191;

    private static final String SPECIAL = "&<>()@^|";

    private CmdExe() {
    }

    /** What cmd.exe prints and exits with when the line is over {@link #MAX_COMMAND_LINE}. */
    static ProgramResult tooLong() {
        return ProgramResult.text("", "The command line is too long.\r\n", 1);
    }

    /**
     * The line cmd.exe runs after its /C quote rule: unless the whole string is one quoted
     * executable path, a leading quote and the last quote are removed (see {@code cmd /?}).
     * WinRM clients such as Overthere wrap the command in quotes for exactly this reason.
     */
    static String afterQuoteRule(String line) {
        if (!line.startsWith("\"")) {
            return line;
        }
        int last = line.lastIndexOf('"');
        if (last == 0 || isQuotedExecutable(line, last)) {
            return line;
        }
        return line.substring(1, last) + line.substring(last + 1);
    }

    /** The first rule of {@code cmd /?}: exactly two quotes around a path with spaces to an executable. */
    private static boolean isQuotedExecutable(String line, int last) {
        String inner = line.substring(1, last);
        boolean twoQuotes = last == line.length() - 1 && inner.indexOf('"') < 0;
        boolean noSpecial = inner.chars().noneMatch(c -> SPECIAL.indexOf(c) >= 0);
        String lower = inner.toLowerCase(Locale.ROOT);
        boolean executable = lower.endsWith(".exe") || lower.endsWith(".com") || lower.endsWith(".bat") || lower.endsWith(".cmd");
        return twoQuotes && noSpecial && inner.contains(" ") && executable;
    }
}
