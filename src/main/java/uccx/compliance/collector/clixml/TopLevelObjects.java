package uccx.compliance.collector.clixml;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of each top-level {@code <Obj>} of a run's output, exactly as written: the evidence an
 * auditor reads beside one result. As in {@link DocumentSplitter} (whose tag scanner it uses), tags
 * can be found by scanning, because CliXml escapes {@code <} in text; only quoted attribute values
 * need skipping.
 */
public final class TopLevelObjects {

    private TopLevelObjects() {
    }

    /** Every top-level object of every document, in order; a cut-off object runs to the end of its document. */
    public static List<String> in(String text) throws CliXmlException {
        List<String> objects = new ArrayList<>();
        for (DocumentSplitter.Slice slice : DocumentSplitter.split(text)) {
            collect(text, slice, objects);
        }
        return objects;
    }

    private static void collect(String text, DocumentSplitter.Slice slice, List<String> objects) {
        int depth = 0;
        int start = -1;
        int at = text.indexOf('<', slice.start() + 1);
        while (at >= 0 && at < slice.end()) {
            int end = DocumentSplitter.endOfTag(text, at);
            if (end < 0 || end >= slice.end()) {
                break;
            }
            boolean closing = text.startsWith("</Obj", at) && isNameEnd(text, at + 5);
            boolean opening = text.startsWith("<Obj", at) && isNameEnd(text, at + 4);
            boolean empty = text.charAt(end - 1) == '/';
            if (opening) {
                if (depth == 0) {
                    start = at;
                }
                if (empty) {
                    if (depth == 0) {
                        objects.add(text.substring(start, end + 1));
                    }
                } else {
                    depth++;
                }
            } else if (closing && depth > 0) {
                depth--;
                if (depth == 0) {
                    objects.add(text.substring(start, end + 1));
                }
            }
            at = text.indexOf('<', end + 1);
        }
        if (depth > 0) {
            objects.add(text.substring(start, slice.end()));
        }
    }

    private static boolean isNameEnd(String text, int index) {
        if (index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }
}
