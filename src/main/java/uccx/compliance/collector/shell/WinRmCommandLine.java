package uccx.compliance.collector.shell;

/**
 * Refuses command lines that Overthere 5.3.2 would not deliver as written. Its SOAP writer is
 * dom4j's pretty printer, which collapses every run of whitespace (spaces, tabs, line breaks)
 * into one space: the server would run a different command from the reviewed one.
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
            if (doubleSpace || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                throw new ShellException(hop + ": not sent, the command line has " + (doubleSpace ? "two spaces" : "a tab or line break")
                        + " at position " + i + ", which Overthere's XML writer would turn into a single space");
            }
        }
    }
}
