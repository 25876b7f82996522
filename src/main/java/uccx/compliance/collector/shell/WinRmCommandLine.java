package uccx.compliance.collector.shell;

/**
 * Refuses command lines that Overthere 5.3.2 would not deliver as written. Its SOAP writer is
 * dom4j's pretty printer, which turns every run of spaces, tabs and line breaks into one space,
 * and writes other control characters as references that XML 1.0 does not allow: the server
 * would run a different command from the reviewed one, or none.
 */
final class WinRmCommandLine {

    private WinRmCommandLine() {
    }

    static void requireUnchangedBySending(String commandLine, String hop) throws ShellException {
        if (commandLine.isBlank()) {
            throw new ShellException(hop + ": not sent, the command line is empty");
        }
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            boolean doubleSpace = c == ' ' && i + 1 < commandLine.length() && commandLine.charAt(i + 1) == ' ';
            if (doubleSpace || Character.isISOControl(c)) {
                String what = doubleSpace ? "two spaces" : String.format("the control character U+%04X", (int) c);
                throw new ShellException(hop + ": not sent, the command line has " + what + " at position " + i
                        + ", which Overthere's XML writer would not send as written");
            }
        }
    }
}
