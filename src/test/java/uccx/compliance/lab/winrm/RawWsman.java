package uccx.compliance.lab.winrm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Hand-written WS-Management requests, for what no well-behaved client sends. */
final class RawWsman {

    static final String SHELL_NS = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    static final String ACTIONS = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private final String authorization;

    RawWsman(URI uri, String username, String password) {
        this.uri = uri;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Answer(int status, String body, String contentType, String challenge, String messageId) {
        Document document() throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        }

        String text(String namespace, String localName) throws Exception {
            Element element = (Element) document().getElementsByTagNameNS(namespace, localName).item(0);
            return element == null ? null : element.getTextContent();
        }

        String attribute(String namespace, String localName, String attribute) throws Exception {
            Element element = (Element) document().getElementsByTagNameNS(namespace, localName).item(0);
            return element == null ? null : element.getAttribute(attribute);
        }
    }

    Answer post(String action, String shellId, String body, String operationTimeout) throws IOException, InterruptedException {
        String messageId = "uuid:" + UUID.randomUUID();
        String selector = shellId == null ? "" : "<w:SelectorSet><w:Selector Name=\"ShellId\">" + shellId + "</w:Selector></w:SelectorSet>";
        String envelope = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:rsp=\"" + SHELL_NS + "\">"
                + "<env:Header><a:To>" + uri + "</a:To><a:Action>" + action + "</a:Action><a:MessageID>" + messageId + "</a:MessageID>"
                + "<w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd</w:ResourceURI>"
                + "<w:OperationTimeout>" + operationTimeout + "</w:OperationTimeout>" + selector + "</env:Header>"
                + "<env:Body>" + body + "</env:Body></env:Envelope>";
        return send(envelope, authorization, messageId);
    }

    Answer send(String xml, String authorizationHeader, String messageId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml));
        if (authorizationHeader != null) {
            request.header("Authorization", authorizationHeader);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("WWW-Authenticate").orElse(null), messageId);
    }

    String createShell() throws Exception {
        Answer created = post("http://schemas.xmlsoap.org/ws/2004/09/transfer/Create", null,
                "<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>", "PT5S");
        Element selector = (Element) created.document().getElementsByTagNameNS("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", "Selector").item(0);
        return selector.getTextContent();
    }

    int createShellStatus() throws IOException, InterruptedException {
        return post("http://schemas.xmlsoap.org/ws/2004/09/transfer/Create", null, "<rsp:Shell/>", "PT5S").status();
    }

    Answer command(String shellId, String command) throws IOException, InterruptedException {
        return post(ACTIONS + "Command", shellId, "<rsp:CommandLine><rsp:Command>" + command + "</rsp:Command></rsp:CommandLine>", "PT5S");
    }

    Answer receive(String shellId, String commandId, String operationTimeout) throws IOException, InterruptedException {
        return post(ACTIONS + "Receive", shellId,
                "<rsp:Receive><rsp:DesiredStream CommandId=\"" + commandId + "\">stdout stderr</rsp:DesiredStream></rsp:Receive>", operationTimeout);
    }
}
