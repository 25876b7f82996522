package uccx.compliance.environment;

/**
 * How the collector's script, running on the WinRM server, proves who it is to the servers
 * behind it (the Exchange session at {@code http://<fqdn>/PowerShell}, the remote registry and
 * event log of the other Mailbox servers): the second hop. Written {@code delegation} or
 * {@code credential}; the README's "The second hop" says what each needs and puts at risk.
 */
public enum SecondHop {
    /**
     * Kerberos delegation: the runner's TGT goes with the logon, and only to a server Active
     * Directory trusts for delegation (the KDC's OK-AS-DELEGATE flag); elsewhere none is sent
     * and second hops fail, reported as such.
     */
    DELEGATION,
    /**
     * No delegation: the audit account's password travels inside the HTTPS WinRM channel (on
     * standard input, never on a command line) and the script uses it explicitly for each second
     * hop.
     */
    CREDENTIAL;

    /** How the environment file writes it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
