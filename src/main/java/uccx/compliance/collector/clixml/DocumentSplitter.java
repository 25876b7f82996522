package uccx.compliance.collector.clixml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;

/**
 * Finds the {@code <Objs>} documents in a run's output. powershell.exe writes a
 * {@code #< CLIXML} line and then one or more documents back to back, sometimes with blank lines
 * or other text between them, which no XML parser accepts as one document. {@code </Objs>}
 * cannot occur inside a document's content (CliXml escapes {@code <} in text and writes no
 * comments or CDATA), so the documents can be cut apart before parsing.
 */
final class DocumentSplitter {

    /** One document: its characters {@code [start, end)} and where it starts in the whole output, 1-based. */
    record Slice(int start, int end, int line, int column) {

        /** A problem at a position the parser counted from the slice's start, placed in the whole output. */
        CliXmlException problemAt(Location at, String what, Throwable cause) {
            int lineInSlice = at == null || at.getLineNumber() < 1 ? 1 : at.getLineNumber();
            int columnInSlice = at == null || at.getColumnNumber() < 1 ? 1 : at.getColumnNumber();
            int wholeColumn = lineInSlice == 1 ? column + columnInSlice - 1 : columnInSlice;
            return new CliXmlException(line + lineInSlice - 1, wholeColumn, what, cause);
        }
    }

    private static final String MARKER = "#< CLIXML";

    private DocumentSplitter() {
    }

    static List<Slice> split(String text) throws CliXmlException {
        List<Slice> slices = new ArrayList<>();
        Position position = new Position();
        int searchFrom = 0;
        int start;
        while ((start = nextDocument(text, searchFrom)) >= 0) {
            position.advanceTo(text, start);
            int end = endOf(text, start);
            slices.add(new Slice(start, end, position.line, position.column));
            searchFrom = end;
        }
        if (slices.isEmpty()) {
            refuseIfNotEmpty(text);
        }
        return slices;
    }

    private static int nextDocument(String text, int from) {
        int at = text.indexOf("<Objs", from);
        while (at >= 0 && at + 5 < text.length() && !isNameEnd(text.charAt(at + 5))) {
            at = text.indexOf("<Objs", at + 1);
        }
        return at;
    }

    private static boolean isNameEnd(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    /** Just past the document's end tag, or the end of the text when it was cut off (the parser then says where). */
    private static int endOf(String text, int start) {
        int startTagEnd = endOfTag(text, start);
        if (startTagEnd < 0) {
            return text.length();
        }
        if (text.charAt(startTagEnd - 1) == '/') {
            return startTagEnd + 1;
        }
        int close = text.indexOf("</Objs", startTagEnd);
        if (close < 0) {
            return text.length();
        }
        int closeEnd = text.indexOf('>', close);
        return closeEnd < 0 ? text.length() : closeEnd + 1;
    }

    /** The index of the {@code >} ending the tag that starts at {@code start}, skipping quoted attribute values. */
    static int endOfTag(String text, int start) {
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Without a document the output may be empty, the bare marker, or something that is not
     * CliXml at all; that last one must not read as "no objects", or a failed run would look
     * like an organisation with nothing configured.
     */
    private static void refuseIfNotEmpty(String text) throws CliXmlException {
        int line = 1;
        for (String content : text.split("\\r\\n|\\r|\\n", -1)) {
            String stripped = content.replace("\uFEFF", "").strip();
            if (!stripped.isEmpty() && !stripped.equals(MARKER)) {
                int column = content.indexOf(stripped.charAt(0)) + 1;
                throw new CliXmlException(line, column, "no <Objs> document: the output is not CliXml");
            }
            line++;
        }
    }

    /** Line and column, counted as XML counts them: CRLF, CR and LF each end a line. */
    private static final class Position {
        private int index;
        private int line = 1;
        private int column = 1;

        void advanceTo(String text, int target) {
            for (; index < target; index++) {
                char c = text.charAt(index);
                if (c == '\n' || (c == '\r' && (index + 1 >= text.length() || text.charAt(index + 1) != '\n'))) {
                    line++;
                    column = 1;
                } else if (c != '\r') {
                    column++;
                }
            }
        }
    }
}
