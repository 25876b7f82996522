package uccx.compliance.lab.winrm;

/**
 * A WS-Management fault as the Windows WinRM service sends it: SOAP code, WS-Man subcode, reason
 * and the WSManFault error number that Windows clients print.
 */
final class WsmanFault extends Exception {

    private final boolean sender;
    private final String subcode;
    private final long code;

    private WsmanFault(boolean sender, String subcode, long code, String reason) {
        super(reason);
        this.sender = sender;
        this.subcode = subcode;
        this.code = code;
    }

    static WsmanFault timedOut() {
        return new WsmanFault(false, "w:TimedOut", 2150858793L,
                "The WS-Management service cannot complete the operation within the time specified in OperationTimeout.");
    }

    static WsmanFault shellNotFound(String shellId) {
        return new WsmanFault(true, "w:InvalidSelectors", 2150858843L,
                "The request for the Windows Remote Shell with ShellId " + shellId + " failed because the shell was not found"
                        + " on the server. Possible causes are: the specified ShellId is incorrect or the shell no longer exists"
                        + " on the server. Provide the correct ShellId or create a new shell and try again.");
    }

    static WsmanFault commandNotFound(String commandId) {
        return new WsmanFault(true, "w:InvalidParameter", 2150858810L,
                "The WS-Management service cannot process the request because the CommandId " + commandId + " is not valid.");
    }

    static WsmanFault actionNotSupported(String action) {
        return new WsmanFault(true, "a:ActionNotSupported", 2150858771L,
                "The WS-Management service cannot process the request. The action " + action + " is not supported by the service.");
    }

    static WsmanFault invalidResourceUri(String resourceUri) {
        return new WsmanFault(true, "w:DestinationUnreachable", 2150858811L,
                "The WS-Management service cannot process the request. The resource URI " + resourceUri
                        + " is not supported by the service.");
    }

    static WsmanFault invalidXml(String detail) {
        return new WsmanFault(true, "w:SchemaValidationError", 2150858817L,
                "The WS-Management service cannot process the request because the XML is invalid: " + detail);
    }

    static WsmanFault missingHeader(String header) {
        return new WsmanFault(true, "a:MessageInformationHeaderRequired", 2150858769L,
                "The WS-Management service cannot process the request because the header " + header + " is missing.");
    }

    static WsmanFault providerFailure(String detail) {
        return new WsmanFault(false, "w:InternalError", 2150858755L, "An error was encountered inside the plugin: " + detail);
    }

    /** MS-WSMV's AccessDenied: WinRM's answer to an authenticated account its RootSDDL does not let in (ERROR_ACCESS_DENIED, 5). */
    static WsmanFault accessDenied() {
        return new WsmanFault(true, "w:AccessDenied", 5L, "Access is denied.");
    }

    /** What the lab answers a Command with under {@link ListenerFault#WSMAN_FAULT}: the plugin failed, as Windows words it. */
    static WsmanFault injected() {
        return providerFailure("the lab was told to fail this command (lab.faults.management: wsmanFault)");
    }

    boolean sender() {
        return sender;
    }

    String subcode() {
        return subcode;
    }

    long code() {
        return code;
    }
}
