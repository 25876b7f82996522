package uccx.compliance.lab.powershell;

/**
 * Text the console host writes to standard output itself, between the CliXml serializer's objects,
 * under the lab fault {@code hostText}. {@code | Out-Null} catches neither: Write-Host and the
 * warning stream never enter the output stream.
 */
final class HostText {

    /**
     * The start banner of the Exchange 2010 Management Shell, which RemoteExchange.ps1 prints when it
     * is loaded; its angle brackets are plain text, not XML.
     */
    static final String BANNER = "\r\n         Welcome to the Exchange Management Shell!\r\n\r\n"
            + "Full list of cmdlets: Get-Command\r\n"
            + "Only Exchange cmdlets: Get-ExCommand\r\n"
            + "Cmdlets that match a specific string: Help *<string>*\r\n"
            + "Get general help: Help\r\n"
            + "Get help for a cmdlet: Help <cmdlet name> or <cmdlet name> -?\r\n"
            + "Show quick reference guide: QuickRef\r\n"
            + "Exchange team blog: Get-ExBlog\r\n"
            + "Show full output for a command: <command> | Format-List\r\n\r\n";

    /** What Import-PSSession warns when a module it imports has commands with unapproved verbs, as Exchange's has. */
    static final String WARNING = "WARNING: Some imported command names include unapproved verbs which might make them less discoverable. "
            + " Use the Verbose parameter for more detail or type Get-Verb to see the list of approved verbs.\r\n";

    private HostText() {
    }

    /** What the host writes once the section has run: the banner after setup, a warning after the first fact. */
    static String after(String section) {
        return switch (section) {
            case "setup" -> BANNER;
            case "fact:exchangeServers" -> WARNING;
            default -> "";
        };
    }
}
