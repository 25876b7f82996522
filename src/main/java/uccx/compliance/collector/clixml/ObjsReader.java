package uccx.compliance.collector.clixml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one {@code <Objs>} document in a single streaming pass. {@code RefId}s are scoped to
 * the document (PowerShell starts them again at 0 in each), and type lists and objects have
 * separate numbering.
 */
final class ObjsReader {

    // serialization depth keeps real CliXml shallow; this only stops a hostile input from exhausting the stack
    private static final int MAX_DEPTH = 200;

    /** Escaped as strings by the serializer, so decoded here. */
    private static final Set<String> STRING_TAGS = Set.of("S", "URI", "XD", "SBK");
    /** Written as their XML Schema text. {@code By} is Byte and {@code SB} SByte; {@code U8} is not written by PowerShell but read alike. */
    private static final Set<String> PLAIN_TAGS = Set.of("C", "B", "DT", "TS", "By", "SB", "U8", "I16", "U16",
            "I32", "U32", "I64", "U64", "Sg", "Db", "D", "BA", "G", "Version", "SS");
    private static final Set<String> LIST_TAGS = Set.of("LST", "IE", "STK", "QUE");

    private final XMLStreamReader xml;
    private final DocumentSplitter.Slice slice;
    private final Map<String, List<String>> typeNamesByRefId = new HashMap<>();
    private final Map<String, PsValue> objectsByRefId = new HashMap<>();
    private final Map<String, ObjectBuilder> unfinishedByRefId = new HashMap<>();
    private final ValueBudget budget;
    private int depth;

    private ObjsReader(XMLStreamReader xml, DocumentSplitter.Slice slice, ValueBudget budget) {
        this.xml = xml;
        this.slice = slice;
        this.budget = budget;
    }

    /** @param budget shared by every document of one output */
    static List<Streams.Written> read(XMLInputFactory factory, String text, DocumentSplitter.Slice slice, ValueBudget budget)
            throws CliXmlException {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new TextSliceReader(text, slice.start(), slice.end()));
            return new ObjsReader(xml, slice, budget).readDocument();
        } catch (XMLStreamException e) {
            Location at = e.getLocation() != null ? e.getLocation() : xml != null ? xml.getLocation() : null;
            throw slice.problemAt(at, parserProblem(e), e);
        } finally {
            close(xml);
        }
    }

    private List<Streams.Written> readDocument() throws XMLStreamException, CliXmlException {
        nextTag();
        if (!xml.getLocalName().equals("Objs")) {
            throw problem("expected <Objs>, found <" + xml.getLocalName() + ">");
        }
        List<Streams.Written> written = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String stream = Streams.canonical(xml.getAttributeValue(null, "S"));
            written.add(new Streams.Written(readValue(), stream));
        }
        return written;
    }

    /** Reads the value whose start tag is current; leaves the reader on its end tag. */
    private PsValue readValue() throws XMLStreamException, CliXmlException {
        if (++depth > MAX_DEPTH) {
            throw problem("values nested more than " + MAX_DEPTH + " levels deep");
        }
        if (!budget.spend()) {
            throw problem(ValueBudget.exceeded());
        }
        try {
            String tag = xml.getLocalName();
            if (tag.equals("Obj")) {
                return readObject();
            }
            if (tag.equals("Ref")) {
                return readReference();
            }
            if (tag.equals("Nil")) {
                xml.getElementText();
                return PsNull.NULL;
            }
            if (LIST_TAGS.contains(tag)) {
                return new PsList(readItems());
            }
            if (tag.equals("DCT")) {
                return readDictionary();
            }
            if (tag.equals("PR")) {
                return readProgressRecord();
            }
            return readPrimitive(tag);
        } finally {
            depth--;
        }
    }

    private PsPrimitive readPrimitive(String tag) throws XMLStreamException, CliXmlException {
        if (STRING_TAGS.contains(tag)) {
            return new PsPrimitive(tag, CliXmlEscapes.decode(xml.getElementText()));
        }
        if (PLAIN_TAGS.contains(tag)) {
            return new PsPrimitive(tag, xml.getElementText());
        }
        throw problem("<" + tag + "> is not a CliXml element");
    }

    private PsObject readObject() throws XMLStreamException, CliXmlException {
        String refId = xml.getAttributeValue(null, "RefId");
        ObjectBuilder object = new ObjectBuilder(Streams.canonical(xml.getAttributeValue(null, "S")));
        if (refId != null) {
            unfinishedByRefId.put(refId, object);
        }
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "TN" -> object.typeNames(readTypeNames());
                case "TNRef" -> object.typeNames(readTypeNamesReference());
                case "ToString" -> object.toStringText(CliXmlEscapes.decode(xml.getElementText()));
                case "Props", "MS" -> readMembers(object);
                default -> {
                    if (object.hasBaseValue()) {
                        throw problem("an <Obj> with two values (<" + xml.getLocalName() + "> after another)");
                    }
                    object.baseValue(readValue());
                }
            }
        }
        PsObject built = object.build();
        if (refId != null) {
            unfinishedByRefId.remove(refId);
            objectsByRefId.put(refId, built);
        }
        return built;
    }

    private List<String> readTypeNames() throws XMLStreamException, CliXmlException {
        String refId = xml.getAttributeValue(null, "RefId");
        List<String> names = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("T")) {
                throw problem("<" + xml.getLocalName() + "> in a type list <TN>, which holds only <T>");
            }
            if (!budget.spend()) {
                throw problem(ValueBudget.exceeded());
            }
            names.add(CliXmlEscapes.decode(xml.getElementText()));
        }
        List<String> typeNames = List.copyOf(names);
        if (refId != null) {
            typeNamesByRefId.put(refId, typeNames);
        }
        return typeNames;
    }

    private List<String> readTypeNamesReference() throws XMLStreamException, CliXmlException {
        String refId = requiredAttribute("RefId");
        List<String> names = typeNamesByRefId.get(refId);
        if (names == null) {
            throw problem("<TNRef RefId=\"" + refId + "\"/> refers to a type list no earlier <TN> defined");
        }
        xml.getElementText();
        return names;
    }

    private PsValue readReference() throws XMLStreamException, CliXmlException {
        String refId = requiredAttribute("RefId");
        PsValue object = objectsByRefId.get(refId);
        if (object == null && unfinishedByRefId.containsKey(refId)) {
            // a reference to an enclosing object (a cycle): records cannot hold themselves, so
            // the reference gets what is known of the object so far, its type names and ToString
            object = unfinishedByRefId.get(refId).shallow();
        }
        if (object == null) {
            throw problem("<Ref RefId=\"" + refId + "\"/> refers to an object no earlier <Obj> defined");
        }
        xml.getElementText();
        return object;
    }

    private void readMembers(ObjectBuilder object) throws XMLStreamException, CliXmlException {
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = requiredAttribute("N");
            object.addProperty(CliXmlEscapes.decode(name), readValue());
        }
    }

    private List<PsValue> readItems() throws XMLStreamException, CliXmlException {
        List<PsValue> items = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            items.add(readValue());
        }
        return items;
    }

    private PsDictionary readDictionary() throws XMLStreamException, CliXmlException {
        List<PsDictionary.Entry> entries = new ArrayList<>();
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.getLocalName().equals("En")) {
                throw problem("<" + xml.getLocalName() + "> in a dictionary <DCT>, which holds only <En>");
            }
            PsValue key = null;
            PsValue value = PsNull.NULL;
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                String role = requiredAttribute("N");
                PsValue read = readValue();
                if (role.equals("Key")) {
                    key = read;
                } else if (role.equals("Value")) {
                    value = read;
                } else {
                    throw problem("a dictionary entry part named \"" + role + "\", not Key or Value");
                }
            }
            if (key == null) {
                throw problem("a dictionary entry <En> without a Key");
            }
            entries.add(new PsDictionary.Entry(key, value));
        }
        return new PsDictionary(entries);
    }

    /** {@code <PR>}: a progress record, its parts in fixed short elements rather than named properties. */
    private PsObject readProgressRecord() throws XMLStreamException, CliXmlException {
        ObjectBuilder record = new ObjectBuilder("");
        record.typeNames(List.of("System.Management.Automation.ProgressRecord"));
        while (nextTag() == XMLStreamConstants.START_ELEMENT) {
            String tag = xml.getLocalName();
            switch (tag) {
                case "AV" -> record.addProperty("Activity", PsPrimitive.string(CliXmlEscapes.decode(xml.getElementText())));
                case "AI" -> record.addProperty("ActivityId", new PsPrimitive("I32", xml.getElementText()));
                case "Nil", "S" -> record.addProperty("CurrentOperation", readValue());
                case "PI" -> record.addProperty("ParentActivityId", new PsPrimitive("I32", xml.getElementText()));
                case "PC" -> record.addProperty("PercentComplete", new PsPrimitive("I32", xml.getElementText()));
                case "T" -> record.addProperty("RecordType", PsPrimitive.string(xml.getElementText()));
                case "SR" -> record.addProperty("SecondsRemaining", new PsPrimitive("I32", xml.getElementText()));
                case "SD" -> record.addProperty("StatusDescription", PsPrimitive.string(CliXmlEscapes.decode(xml.getElementText())));
                default -> throw problem("<" + tag + "> in a progress record <PR>");
            }
        }
        return record.build();
    }

    /** The next start or end tag, skipping whitespace and comments; stray text is malformed CliXml. */
    private int nextTag() throws XMLStreamException, CliXmlException {
        int event = xml.next();
        while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS && xml.isWhiteSpace())) {
            event = xml.next();
        }
        if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
            throw problem("text where CliXml has only elements");
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw problem("unexpected XML (event " + event + ") where CliXml has only elements");
        }
        return event;
    }

    private String requiredAttribute(String name) throws CliXmlException {
        String value = xml.getAttributeValue(null, name);
        if (value == null) {
            throw problem("<" + xml.getLocalName() + "> without its " + name + " attribute");
        }
        return value;
    }

    private CliXmlException problem(String what) {
        return slice.problemAt(xml.getLocation(), what, null);
    }

    /** The JDK parser's message without its own "ParseError at [row,col]" preamble, which counts from the slice. */
    private static String parserProblem(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing a reader over a string cannot lose anything
        }
    }
}
