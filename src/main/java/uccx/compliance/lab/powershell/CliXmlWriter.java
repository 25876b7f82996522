package uccx.compliance.lab.powershell;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes CliXml the way {@code powershell.exe -OutputFormat XML} does on PowerShell 2.0: the
 * {@code #< CLIXML} line, one {@code <Objs>} document, type name lists written once and then
 * referred to with {@code TNRef}, and characters XML cannot carry escaped as {@code _xHHHH_}.
 * Written by the thread that plays powershell.exe, read as it grows by whoever watches the console.
 */
final class CliXmlWriter {

    private static final DateTimeFormatter DOTNET_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

    private final StringBuilder xml = new StringBuilder("#< CLIXML\r\n");
    private final Map<List<String>, Integer> typeNameRefs = new HashMap<>();
    private int nextObjectRef;
    private boolean opened;

    synchronized CliXmlWriter write(Serialized value) {
        open();
        value(null, value);
        return this;
    }

    /** A top-level value of another stream, for example an ErrorRecord with {@code S="Error"}. */
    synchronized CliXmlWriter write(String stream, Serialized value) {
        open();
        int start = xml.length();
        value(null, value);
        int tagEnd = xml.indexOf(" ", start);
        xml.insert(tagEnd, " S=\"" + attribute(stream) + "\"");
        return this;
    }

    /**
     * Text the console host writes itself (Write-Host, warnings), between the serializer's objects,
     * exactly as given: before the first object it precedes the document.
     */
    synchronized CliXmlWriter hostText(String text) {
        xml.append(text);
        return this;
    }

    synchronized boolean isEmpty() {
        return !opened;
    }

    /** What is written so far, the document still open: what a reader of the console has seen. */
    synchronized String soFar() {
        return xml.toString();
    }

    synchronized String finish() {
        open();
        return xml.append("</Objs>").toString();
    }

    private void open() {
        if (!opened) {
            xml.append("<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">");
            opened = true;
        }
    }

    private void value(String name, Serialized value) {
        String n = name == null ? "" : " N=\"" + attribute(name) + "\"";
        if (value instanceof Serialized.Text t) {
            xml.append("<S").append(n).append('>').append(text(t.value())).append("</S>");
        } else if (value instanceof Serialized.Number num) {
            xml.append('<').append(num.tag()).append(n).append('>').append(num.value()).append("</").append(num.tag()).append('>');
        } else if (value instanceof Serialized.Bool b) {
            xml.append("<B").append(n).append('>').append(b.value()).append("</B>");
        } else if (value instanceof Serialized.Time t) {
            xml.append("<DT").append(n).append('>').append(DOTNET_DATE_TIME.format(t.value().atOffset(ZoneOffset.UTC))).append("</DT>");
        } else if (value instanceof Serialized.Obj o) {
            object(n, o);
        } else if (value instanceof Serialized.ListOf l) {
            list(n, l);
        } else {
            xml.append("<Nil").append(n).append(" />");
        }
    }

    private void object(String n, Serialized.Obj o) {
        xml.append("<Obj").append(n).append(" RefId=\"").append(nextObjectRef++).append("\">");
        typeNames(o.typeNames());
        o.toStringText().ifPresent(s -> xml.append("<ToString>").append(text(s)).append("</ToString>"));
        o.baseValue().ifPresent(base -> value(null, base));
        if (!o.properties().isEmpty()) {
            // Select-Object and New-Object PSObject add note properties: CliXml puts them in MS.
            // So does an ErrorRecord's own serializer, for its ErrorCategory_* facts.
            boolean custom = o.typeNames().contains("System.Management.Automation.PSCustomObject")
                    || o.typeNames().contains("System.Management.Automation.ErrorRecord");
            String set = custom ? "MS" : "Props";
            xml.append('<').append(set).append('>');
            o.properties().forEach(p -> value(p.name(), p.value()));
            xml.append("</").append(set).append('>');
        }
        xml.append("</Obj>");
    }

    private void list(String n, Serialized.ListOf l) {
        xml.append("<Obj").append(n).append(" RefId=\"").append(nextObjectRef++).append("\">");
        typeNames(l.typeNames());
        xml.append("<LST>");
        l.items().forEach(item -> value(null, item));
        xml.append("</LST></Obj>");
    }

    private void typeNames(List<String> names) {
        Integer known = typeNameRefs.get(names);
        if (known != null) {
            xml.append("<TNRef RefId=\"").append(known).append("\" />");
            return;
        }
        int ref = typeNameRefs.size();
        typeNameRefs.put(names, ref);
        xml.append("<TN RefId=\"").append(ref).append("\">");
        names.forEach(t -> xml.append("<T>").append(text(t)).append("</T>"));
        xml.append("</TN>");
    }

    /** XML text with PowerShell's escapes: control characters and a literal "_x" as {@code _xHHHH_}. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '_' && i + 1 < value.length() && value.charAt(i + 1) == 'x') {
                out.append("_x005F_");
            } else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                out.append(String.format("_x%04X_", (int) c));
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String attribute(String value) {
        return text(value).replace("\"", "&quot;");
    }
}
