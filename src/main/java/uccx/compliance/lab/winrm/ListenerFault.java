package uccx.compliance.lab.winrm;

/** How the lab's WinRM listener lets a client down, for fault tests; see {@link WinRmEndpointSettings#fault()}. */
public enum ListenerFault {
    /** HTTP 401 to every request, whatever the credentials. */
    UNAUTHORIZED,
    /** HTTP 500 with a plain-text body, before any WS-Management processing. */
    SERVER_ERROR,
    /** The shell opens; the Command is answered with a WS-Management fault. */
    WSMAN_FAULT,
    /** Every request is read and never answered, until the endpoint closes. */
    SILENT,
    /**
     * The account authenticates but may not open a shell: the Create is answered as WinRM answers
     * an account its RootSDDL does not allow (Windows Server 2008 R2's default lets in
     * Administrators only), HTTP 500 with fault s:Sender, w:AccessDenied, WSManFault Code 5,
     * "Access is denied." (as pywinrm and Ansible users report it).
     */
    SHELL_ACCESS_DENIED,
    /**
     * Kerberos logons are accepted, but the answer's Negotiate token (the server's proof of
     * itself, RFC 4559 section 5) is not the one the logon made: what a client sees from a
     * server that does not hold the service's key.
     */
    FORGED_MUTUAL_TOKEN
}
