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
    SILENT
}
