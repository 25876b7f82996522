package uccx.compliance.collector.clixml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Text in a run's output that no serializer wrote: what the console host prints itself (the
 * Exchange Management Shell's banner, {@code WARNING:} lines, Write-Host), which
 * {@code -OutputFormat XML} leaves as plain text before, between or inside the {@code <Objs>}
 * documents. Where exactly PowerShell 2.0 puts it is not documented (PowerShell 3 and later
 * serialize host output as {@code <S S="Output">}, which is read as output), so every place is
 * accepted: the text is taken out and kept, and the objects around it are read as if it were not
 * there. Its angle brackets are plain text ({@code Help <cmdlet name>}): only CliXml's own element
 * names start an object.
 *
 * @param cleaned the output with the host text inside documents blanked out (line breaks kept, so
 *                positions in messages still point into the output as written)
 * @param pieces  each stretch of host text, trimmed, in order
 */
record HostText(String cleaned, List<String> pieces) {

    private static final String MARKER = "#< CLIXML";

    /** The elements that may stand at the top level of an {@code <Objs>} document. */
    private static final Set<String> TOP_LEVEL = Set.of("Obj", "Ref", "Nil", "S", "URI", "XD", "SBK", "C", "B", "DT", "TS", "By",
            "SB", "U8", "I16", "U16", "I32", "U32", "I64", "U64", "Sg", "Db", "D", "BA", "G", "Version", "SS", "LST", "IE", "STK",
            "QUE", "DCT", "PR");

    static HostText separate(String text, List<DocumentSplitter.Slice> slices) {
        StringBuilder cleaned = new StringBuilder(text);
        List<String> pieces = new ArrayList<>();
        int outside = 0;
        for (DocumentSplitter.Slice slice : slices) {
            between(text, outside, slice.start(), pieces);
            inside(text, slice, cleaned, pieces);
            outside = slice.end();
        }
        between(text, outside, text.length(), pieces);
        return new HostText(cleaned.toString(), List.copyOf(pieces));
    }

    /** Text between documents was always skipped; now it is kept too, less the markers. */
    private static void between(String text, int from, int to, List<String> pieces) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.substring(from, to).split("\\r\\n|\\r|\\n")) {
            String stripped = line.replace("\uFEFF", "").strip();
            if (!stripped.isEmpty() && !stripped.equals(MARKER)) {
                kept.append(kept.isEmpty() ? "" : "\n").append(line.stripTrailing());
            }
        }
        if (!kept.isEmpty()) {
            pieces.add(kept.toString().strip());
        }
    }

    private static void inside(String text, DocumentSplitter.Slice slice, StringBuilder cleaned, List<String> pieces) {
        int startTagEnd = DocumentSplitter.endOfTag(text, slice.start());
        if (startTagEnd < 0 || text.charAt(startTagEnd - 1) == '/') {
            return;
        }
        int close = text.lastIndexOf("</Objs", slice.end());
        int limit = close > startTagEnd ? close : slice.end();
        int at = startTagEnd + 1;
        while (at < limit) {
            if (Character.isWhitespace(text.charAt(at))) {
                at++;
            } else if (elementAt(text, at) != null) {
                at = endOfElement(text, at, elementAt(text, at), limit);
            } else {
                int end = at;
                while (end < limit && elementAt(text, end) == null) {
                    end++;
                }
                pieces.add(text.substring(at, end).strip());
                for (int i = at; i < end; i++) {
                    char c = cleaned.charAt(i);
                    if (c != '\n' && c != '\r') {
                        cleaned.setCharAt(i, ' ');
                    }
                }
                at = end;
            }
        }
    }

    /** The CliXml element whose start tag begins at {@code at}, or null. */
    private static String elementAt(String text, int at) {
        if (text.charAt(at) != '<') {
            return null;
        }
        int nameEnd = at + 1;
        while (nameEnd < text.length() && Character.isLetterOrDigit(text.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd >= text.length()) {
            return null;
        }
        char after = text.charAt(nameEnd);
        String name = text.substring(at + 1, nameEnd);
        boolean nameEnds = after == '>' || after == '/' || Character.isWhitespace(after);
        return nameEnds && TOP_LEVEL.contains(name) ? name : null;
    }

    /** Just past the element's end tag, counting nested elements of the same name; the limit when it never ends (the parser says where). */
    private static int endOfElement(String text, int start, String name, int limit) {
        int depth = 0;
        int at = start;
        while (at >= 0 && at < limit) {
            int tagEnd = DocumentSplitter.endOfTag(text, at);
            if (tagEnd < 0) {
                return limit;
            }
            boolean closing = text.startsWith("</" + name, at) && isNameEnd(text, at + 2 + name.length());
            boolean opening = text.startsWith("<" + name, at) && isNameEnd(text, at + 1 + name.length());
            if (opening && text.charAt(tagEnd - 1) != '/') {
                depth++;
            } else if (closing) {
                depth--;
            }
            if (depth == 0 && (opening || closing)) {
                return tagEnd + 1;
            }
            at = text.indexOf('<', tagEnd + 1);
        }
        return limit;
    }

    private static boolean isNameEnd(String text, int index) {
        if (index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }
}
