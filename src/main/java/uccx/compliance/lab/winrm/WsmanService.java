package uccx.compliance.lab.winrm;

import java.net.URI;
import java.util.Base64;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Answers the WS-Management actions of the Windows remote shell (WinRS) resource. */
final class WsmanService {

    static final String CREATE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
    static final String DELETE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
    static final String COMMAND = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command";
    static final String SEND = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Send";
    static final String RECEIVE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive";
    static final String SIGNAL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Signal";
    static final String TERMINATE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate";

    /** Room left in an envelope for everything but the base64 output. */
    private static final int ENVELOPE_OVERHEAD = 4096;

    private final URI address;
    private final RemotePrograms programs;
    private final EndpointJournal journal;
    private final ShellHost shells = new ShellHost();

    WsmanService(URI address, RemotePrograms programs, EndpointJournal journal) {
        this.address = address;
        this.programs = programs;
        this.journal = journal;
    }

    String answer(WsmanRequest request, Logon logon) throws WsmanFault, InterruptedException {
        if (!WsmanResponses.CMD_SHELL_URI.equals(request.resourceUri())) {
            throw WsmanFault.invalidResourceUri(request.resourceUri());
        }
        String relatesTo = request.messageId();
        return switch (request.action()) {
            case CREATE -> WsmanResponses.created(relatesTo, address, shells.createShell());
            case COMMAND -> WsmanResponses.commandStarted(relatesTo, command(request, logon));
            case SEND -> {
                send(request);
                yield WsmanResponses.sent(relatesTo);
            }
            case RECEIVE -> receive(request);
            case SIGNAL -> {
                signal(request);
                yield WsmanResponses.signalled(relatesTo);
            }
            case DELETE -> {
                shells.deleteShell(request.requiredShellId());
                yield WsmanResponses.deleted(relatesTo);
            }
            default -> throw WsmanFault.actionNotSupported(request.action());
        };
    }

    void close() {
        shells.terminateAll();
    }

    private String command(WsmanRequest request, Logon logon) throws WsmanFault {
        String shellId = request.requiredShellId();
        Element commandLine = request.requiredBody("CommandLine");
        // cmd.exe receives the Command element and the Arguments joined by spaces.
        StringBuilder received = new StringBuilder(WsmanRequest.child(commandLine, WsmanRequest.SHELL, "Command")
                .map(Node::getTextContent).orElseThrow(() -> WsmanFault.invalidXml("rsp:CommandLine has no rsp:Command")));
        for (Node n = commandLine.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WsmanRequest.SHELL.equals(e.getNamespaceURI()) && "Arguments".equals(e.getLocalName())) {
                received.append(' ').append(e.getTextContent());
            }
        }
        String line = CmdExe.afterQuoteRule(received.toString());
        journal.command(line);
        RunningCommand running;
        if (received.length() > CmdExe.MAX_COMMAND_LINE) {
            journal.violation("a command line of " + received.length() + " characters (" + line.length()
                    + " after cmd.exe's quote rule) reached cmd.exe, which accepts at most " + CmdExe.MAX_COMMAND_LINE
                    + ": \"The command line is too long.\"");
            running = new RunningCommand(new FinishedProgram(CmdExe.tooLong()));
        } else {
            running = new RunningCommand(programs.start(line, logon));
        }
        return shells.startCommand(shellId, running);
    }

    private void send(WsmanRequest request) throws WsmanFault {
        String shellId = request.requiredShellId();
        Element send = request.requiredBody("Send");
        journal.send();
        for (Node n = send.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element stream && "Stream".equals(stream.getLocalName())) {
                byte[] bytes = decode(stream.getTextContent());
                RunningCommand command = shells.command(shellId, stream.getAttribute("CommandId"));
                command.input(bytes);
                if ("true".equalsIgnoreCase(stream.getAttribute("End"))) {
                    command.endOfInput();
                }
            }
        }
    }

    private String receive(WsmanRequest request) throws WsmanFault, InterruptedException {
        String shellId = request.requiredShellId();
        Element desired = WsmanRequest.child(request.requiredBody("Receive"), WsmanRequest.SHELL, "DesiredStream")
                .orElseThrow(() -> WsmanFault.invalidXml("rsp:Receive has no rsp:DesiredStream"));
        String commandId = desired.getAttribute("CommandId");
        RunningCommand command = shells.command(shellId, commandId);
        // base64 turns 3 bytes into 4 characters; keep the answer inside the client's MaxEnvelopeSize.
        int maxBytes = Math.max(1024, (request.maxEnvelopeSize() - ENVELOPE_OVERHEAD) / 4 * 3);
        OutputChunk chunk = command.next(request.operationTimeout(), maxBytes).orElseThrow(WsmanFault::timedOut);
        return WsmanResponses.received(request.messageId(), commandId, chunk);
    }

    private void signal(WsmanRequest request) throws WsmanFault {
        String shellId = request.requiredShellId();
        Element signal = request.requiredBody("Signal");
        RunningCommand command = shells.command(shellId, signal.getAttribute("CommandId"));
        String code = WsmanRequest.child(signal, WsmanRequest.SHELL, "Code").map(e -> e.getTextContent().trim()).orElse("");
        if (TERMINATE.equals(code)) {
            command.terminate();
        }
    }

    private static byte[] decode(String base64) throws WsmanFault {
        try {
            return Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw WsmanFault.invalidXml("a stdin stream is not base64");
        }
    }
}
