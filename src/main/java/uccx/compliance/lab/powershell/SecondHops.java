package uccx.compliance.lab.powershell;

import java.util.regex.Pattern;

/**
 * Whether the script's second hops authenticate: the Exchange session (Kerberos from the WinRM
 * server to {@code http://<fqdn>/PowerShell}) and every call to another server's registry or
 * event log. Windows lets a network logon go on to a third machine only with a credential of the
 * user on the server: a forwarded TGT that Active Directory lets the server use (it trusts the
 * server for delegation), or a credential the script passes explicitly ("Making the second hop in
 * PowerShell Remoting", Microsoft Learn; Ashley McGlone, "PowerShell Remoting Kerberos Double Hop
 * Solved Securely", Microsoft TechNet blog, 2016). Without one, Windows answers with the errors
 * below, which the lab writes as a real server does.
 *
 * @param forwardedTicket  a forwarded ticket came with the logon and the server may use it
 * @param scriptCredential the bootstrap read the audit account's own password for the script
 */
record SecondHops(boolean forwardedTicket, boolean scriptCredential) {

    /**
     * What PowerShell remoting reports when Kerberos on the second hop has no credential to start
     * from: SEC_E_NO_CREDENTIALS (0x8009030E), "A specified logon session does not exist", the
     * error of the double hop in the sources above.
     */
    static String sessionRefusal(String fqdn) {
        return "[" + fqdn + "] Connecting to remote server failed with the following error message : WinRM cannot process the request. "
                + "The following error with errorcode 0x8009030e occurred while using Kerberos authentication: A specified logon "
                + "session does not exist. It may already have been terminated.\r\n Possible causes are:\r\n  -The user name or "
                + "password specified are invalid.\r\n  -Kerberos is used when no authentication method and no user name are "
                + "specified.\r\n  -Kerberos accepts domain user names, but not local user names.\r\n For more information, see the "
                + "about_Remote_Troubleshooting Help topic.";
    }

    static final String SESSION_ERROR_ID = "PSSessionOpenFailed";

    /**
     * A remote registry or event log reached with no credential: the server behind sees an
     * anonymous logon and refuses it with Access Denied, which .NET's RegistryKey and
     * EventLogSession raise as UnauthorizedAccessException with its default message.
     */
    static final String UNAUTHORIZED = "Attempted to perform an unauthorized operation.";

    private static final Pattern USES_CREDENTIAL = Pattern.compile("(?i)-Credential\\s+\\$UccxSecondHopCredential\\b");
    private static final Pattern HANDS_CREDENTIAL = Pattern.compile("(?i)AddArgument\\(\\$UccxSecondHopCredential\\)");
    private static final Pattern READ_USES_CREDENTIAL = Pattern.compile("(?i)-Credential\\s+\\$Credential\\b|\\['Credential'\\]\\s*=\\s*\\$Credential\\b");

    /** The Exchange session opens: with the script's credential where the setup uses it, else with a forwarded ticket. */
    boolean exchangeSession(String setupBody) {
        return scriptCredential && USES_CREDENTIAL.matcher(setupBody).find() || forwardedTicket;
    }

    /**
     * A read of another server authenticates: with a forwarded ticket, or with the script's
     * credential where the setup hands it to the read and the read passes it on.
     */
    boolean otherServer(String setupBody, String readBody) {
        return scriptCredential && HANDS_CREDENTIAL.matcher(setupBody).find() && READ_USES_CREDENTIAL.matcher(readBody).find()
                || forwardedTicket;
    }
}
