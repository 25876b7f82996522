package uccx.compliance.lab;

import uccx.compliance.lab.powershell.LabPowerShell;

/**
 * What becomes of the script's output under an output fault: the bytes reach the collector with
 * exit code 0, as if powershell.exe had succeeded, so only reading them can tell.
 */
final class ScriptOutputFault {

    private ScriptOutputFault() {
    }

    static LabPowerShell.Result apply(ManagementFault fault, LabPowerShell.Result result) {
        String stdout = result.stdout();
        return switch (fault) {
            // Cut inside the last CliXml document, as a connection or a console buffer lost in transit leaves it.
            case TRUNCATED_OUTPUT -> new LabPowerShell.Result(stdout.substring(0, cutPoint(stdout)), result.stderr(), 0);
            // An element closed by the wrong end tag: not XML at all, whatever the parser's leniency.
            case MALFORMED_OUTPUT -> new LabPowerShell.Result(stdout.replaceFirst("</S>", "</Obj>"), result.stderr(), 0);
            default -> result;
        };
    }

    /** In the middle of the last document, never at its end: the reader must see a document cut short. */
    private static int cutPoint(String stdout) {
        int last = Math.max(stdout.lastIndexOf("<Objs"), 0);
        int end = stdout.indexOf("</Objs>", last);
        return end < 0 ? stdout.length() / 2 : last + (end - last) / 2;
    }
}
