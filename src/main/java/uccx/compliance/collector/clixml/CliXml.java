package uccx.compliance.collector.clixml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * Reads CliXml as powershell.exe writes it: the stdout or stderr of
 * {@code powershell.exe -OutputFormat XML} ({@code #< CLIXML} then one or more {@code <Objs>}
 * documents), or an Export-Clixml file.
 */
public final class CliXml {

    private CliXml() {
    }

    /**
     * Parses all documents in {@code text}, in order. Text between documents (blank lines, a
     * repeated {@code #< CLIXML}) is skipped; inside a document nothing is forgiven.
     *
     * @throws CliXmlException when a document is malformed or cut off, or when the text holds no
     *                         document but is not empty either; the message gives the line and
     *                         column in {@code text}
     */
    public static CliXmlDocument parse(String text) throws CliXmlException {
        XMLInputFactory factory = secureFactory();
        List<Streams.Written> written = new ArrayList<>();
        for (DocumentSplitter.Slice slice : DocumentSplitter.split(text)) {
            written.addAll(ObjsReader.read(factory, text, slice));
        }
        return Streams.sort(written);
    }

    /** The JDK's own StAX parser (not whatever the classpath offers), with DTDs and external entities off. */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
