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
     * Parses all documents in {@code text}, in order. Text the console host wrote before, between
     * or inside documents (outside any object) is kept apart as host text (see {@link HostText});
     * inside an object nothing is forgiven.
     *
     * @throws CliXmlException when a document is malformed or cut off, holds more than
     *                         {@link ValueBudget#MAX_VALUES} values, or when the text holds no
     *                         document but is not empty either; the message gives the line and
     *                         column in {@code text}
     */
    public static CliXmlDocument parse(String text) throws CliXmlException {
        XMLInputFactory factory = secureFactory();
        List<Streams.Written> written = new ArrayList<>();
        List<DocumentSplitter.Slice> slices = DocumentSplitter.split(text);
        HostText host = HostText.separate(text, slices);
        ValueBudget budget = new ValueBudget();
        for (DocumentSplitter.Slice slice : slices) {
            written.addAll(ObjsReader.read(factory, host.cleaned(), slice, budget));
        }
        return Streams.sort(written).withHostText(host.pieces());
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
