package uccx.compliance.lab.winrm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of a WS-Management request that the WinRM shell plugin reads.
 *
 * @param action           wsa:Action
 * @param messageId        wsa:MessageID, echoed as wsa:RelatesTo
 * @param resourceUri      wsman:ResourceURI
 * @param shellId          the ShellId selector, absent on Create
 * @param operationTimeout wsman:OperationTimeout, WinRM's 60 s when absent
 * @param maxEnvelopeSize  wsman:MaxEnvelopeSize in bytes, WinRM's 150 KB when absent
 * @param body             the first element of the SOAP body, absent on Delete
 */
record WsmanRequest(String action, String messageId, String resourceUri, Optional<String> shellId,
                    Duration operationTimeout, int maxEnvelopeSize, Optional<Element> body) {

    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int DEFAULT_ENVELOPE = 153_600;

    static WsmanRequest parse(byte[] xml) throws WsmanFault {
        Element envelope = documentOf(xml).getDocumentElement();
        if (!SOAP.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw WsmanFault.invalidXml("the root element is not a SOAP 1.2 Envelope");
        }
        Element header = child(envelope, SOAP, "Header").orElseThrow(() -> WsmanFault.missingHeader("s:Header"));
        String action = text(header, ADDRESSING, "Action").orElseThrow(() -> WsmanFault.missingHeader("a:Action"));
        String messageId = text(header, ADDRESSING, "MessageID").orElseThrow(() -> WsmanFault.missingHeader("a:MessageID"));
        String resourceUri = text(header, WSMAN, "ResourceURI").orElseThrow(() -> WsmanFault.missingHeader("w:ResourceURI"));
        Optional<String> shellId = child(header, WSMAN, "SelectorSet").flatMap(WsmanRequest::shellSelector);
        Duration timeout = operationTimeout(text(header, WSMAN, "OperationTimeout"));
        int envelopeSize = text(header, WSMAN, "MaxEnvelopeSize").map(WsmanRequest::envelopeSize).orElse(DEFAULT_ENVELOPE);
        Optional<Element> body = child(envelope, SOAP, "Body").flatMap(WsmanRequest::firstElement);
        return new WsmanRequest(action, messageId, resourceUri, shellId, timeout, envelopeSize, body);
    }

    /** The body element, which this action cannot do without. */
    Element requiredBody(String name) throws WsmanFault {
        Element element = body.orElseThrow(() -> WsmanFault.invalidXml("the body has no rsp:" + name));
        if (!SHELL.equals(element.getNamespaceURI()) || !name.equals(element.getLocalName())) {
            throw WsmanFault.invalidXml("the body holds " + element.getTagName() + " instead of rsp:" + name);
        }
        return element;
    }

    String requiredShellId() throws WsmanFault {
        return shellId.orElseThrow(() -> WsmanFault.missingHeader("w:SelectorSet/w:Selector[@Name='ShellId']"));
    }

    private static Document documentOf(byte[] xml) throws WsmanFault {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A request is untrusted input: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints to stderr; a malformed request is answered with a fault instead.
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw WsmanFault.invalidXml(e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
        }
    }

    private static Optional<String> shellSelector(Element selectorSet) {
        for (Node n = selectorSet.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && WSMAN.equals(e.getNamespaceURI()) && "Selector".equals(e.getLocalName())
                    && "ShellId".equals(e.getAttribute("Name"))) {
                return Optional.of(e.getTextContent().trim());
            }
        }
        return Optional.empty();
    }

    private static Duration operationTimeout(Optional<String> value) throws WsmanFault {
        if (value.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            Duration timeout = Duration.parse(value.get());
            if (timeout.isNegative() || timeout.isZero()) {
                throw WsmanFault.invalidXml("OperationTimeout " + value.get() + " is not positive");
            }
            return timeout;
        } catch (DateTimeParseException e) {
            throw WsmanFault.invalidXml("OperationTimeout " + value.get() + " is not an xs:duration");
        }
    }

    private static int envelopeSize(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return DEFAULT_ENVELOPE;
        }
    }

    static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Element parent, String namespace, String localName) {
        return child(parent, namespace, localName).map(e -> e.getTextContent().trim());
    }

    private static Optional<Element> firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
