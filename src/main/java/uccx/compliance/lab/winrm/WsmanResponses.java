package uccx.compliance.lab.winrm;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/** The SOAP envelopes the WinRM service of Windows Server 2008 R2 (WinRM 2.0) answers with. */
final class WsmanResponses {

    static final String CMD_SHELL_URI = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";
    static final String DONE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done";
    static final String RUNNING = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Running";

    private static final String SHELL_ACTIONS = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/";
    private static final String TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
    private static final String ANONYMOUS = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";

    private WsmanResponses() {
    }

    static String created(String relatesTo, URI address, String shellId) {
        return envelope(TRANSFER + "CreateResponse", relatesTo,
                "<x:ResourceCreated><a:Address>" + escape(address.toString()) + "</a:Address><a:ReferenceParameters>"
                        + "<w:ResourceURI>" + CMD_SHELL_URI + "</w:ResourceURI><w:SelectorSet>"
                        + "<w:Selector Name=\"ShellId\">" + shellId + "</w:Selector></w:SelectorSet>"
                        + "</a:ReferenceParameters></x:ResourceCreated>");
    }

    static String commandStarted(String relatesTo, String commandId) {
        return envelope(SHELL_ACTIONS + "CommandResponse", relatesTo,
                "<rsp:CommandResponse><rsp:CommandId>" + commandId + "</rsp:CommandId></rsp:CommandResponse>");
    }

    static String sent(String relatesTo) {
        return envelope(SHELL_ACTIONS + "SendResponse", relatesTo, "<rsp:SendResponse/>");
    }

    static String signalled(String relatesTo) {
        return envelope(SHELL_ACTIONS + "SignalResponse", relatesTo, "<rsp:SignalResponse/>");
    }

    static String deleted(String relatesTo) {
        return envelope(TRANSFER + "DeleteResponse", relatesTo, "");
    }

    static String received(String relatesTo, String commandId, OutputChunk chunk) {
        StringBuilder body = new StringBuilder("<rsp:ReceiveResponse>");
        stream(body, "stdout", commandId, chunk.stdout(), chunk.done());
        stream(body, "stderr", commandId, chunk.stderr(), chunk.done());
        body.append("<rsp:CommandState CommandId=\"").append(commandId).append("\" State=\"");
        if (chunk.done()) {
            body.append(DONE).append("\"><rsp:ExitCode>").append(chunk.exitCode()).append("</rsp:ExitCode></rsp:CommandState>");
        } else {
            body.append(RUNNING).append("\"/>");
        }
        return envelope(SHELL_ACTIONS + "ReceiveResponse", relatesTo, body.append("</rsp:ReceiveResponse>").toString());
    }

    static String fault(String relatesTo, WsmanFault fault, String machine) {
        String body = "<s:Fault><s:Code><s:Value>" + (fault.sender() ? "s:Sender" : "s:Receiver") + "</s:Value>"
                + "<s:Subcode><s:Value>" + fault.subcode() + "</s:Value></s:Subcode></s:Code>"
                + "<s:Reason><s:Text xml:lang=\"en-US\">" + escape(fault.getMessage()) + " </s:Text></s:Reason>"
                + "<s:Detail><f:WSManFault xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" Code=\""
                + fault.code() + "\" Machine=\"" + escape(machine) + "\"><f:Message>" + escape(fault.getMessage())
                + " </f:Message></f:WSManFault></s:Detail></s:Fault>";
        String action = fault.subcode().startsWith("a:")
                ? "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault"
                : "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
        return envelope(action, relatesTo, body);
    }

    /** Stream elements: the bytes if there are any, and End="true" once the command is done. */
    private static void stream(StringBuilder body, String name, String commandId, byte[] bytes, boolean end) {
        if (bytes.length == 0 && !end) {
            return;
        }
        body.append("<rsp:Stream Name=\"").append(name).append("\" CommandId=\"").append(commandId).append('"');
        if (end) {
            body.append(" End=\"true\"");
        }
        body.append('>').append(Base64.getEncoder().encodeToString(bytes)).append("</rsp:Stream>");
    }

    private static String envelope(String action, String relatesTo, String body) {
        return "<s:Envelope xml:lang=\"en-US\" xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:x=\"http://schemas.xmlsoap.org/ws/2004/09/transfer\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
                + " xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\""
                + " xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\">"
                + "<s:Header><a:Action>" + action + "</a:Action><a:MessageID>" + newId("uuid:") + "</a:MessageID>"
                + "<a:To>" + ANONYMOUS + "</a:To><a:RelatesTo>" + escape(relatesTo) + "</a:RelatesTo></s:Header>"
                + "<s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** WinRM writes its GUIDs in upper case. */
    static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
