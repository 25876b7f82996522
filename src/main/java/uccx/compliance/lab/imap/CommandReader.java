package uccx.compliance.lab.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IMAP command lines: atoms, quoted strings and literals. A synchronising literal
 * ({@code {n}}) is asked for with the continuation Exchange sends; a LITERAL+ one ({@code {n+}})
 * follows without. Sizes are capped so a client cannot make the lab hold unbounded input.
 */
final class CommandReader {

    static final String CONTINUE_LITERAL = "+ Ready for additional command text.";
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_LITERAL = 16 * 1024;
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d{1,9})(\\+?)\\}$");

    /** Input the lab refuses to read on: the session ends. */
    static final class TooLong extends IOException {
        TooLong(String what) {
            super(what + " longer than the lab accepts");
        }
    }

    private final InputStream in;
    private final ContinuationSender continuation;

    interface ContinuationSender {
        void send(String line) throws IOException;
    }

    CommandReader(InputStream in, ContinuationSender continuation) {
        this.in = in;
        this.continuation = continuation;
    }

    /** The next command, or empty when the client closed the connection. */
    Optional<ImapCommand> next() throws IOException {
        Optional<String> first = readLine();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        String line = first.get();
        while (true) {
            Matcher literal = LITERAL.matcher(line);
            if (!literal.find()) {
                tokenize(line, tokens);
                break;
            }
            tokenize(line.substring(0, literal.start()), tokens);
            int size = Integer.parseInt(literal.group(1));
            if (size > MAX_LITERAL) {
                throw new TooLong("literal");
            }
            if (literal.group(2).isEmpty()) {
                continuation.send(CONTINUE_LITERAL);
            }
            tokens.add(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            Optional<String> rest = readLine();
            if (rest.isEmpty()) {
                return Optional.empty();
            }
            line = rest.get();
        }
        if (tokens.size() < 2) {
            return Optional.of(new ImapCommand(tokens.isEmpty() ? "*" : tokens.get(0), "", List.of()));
        }
        return Optional.of(new ImapCommand(tokens.get(0), tokens.get(1), tokens.subList(2, tokens.size())));
    }

    /** One line without its CRLF, or empty at end of stream. */
    Optional<String> readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return Optional.of(new String(bytes, 0, length, StandardCharsets.UTF_8));
            }
            if (line.size() >= MAX_LINE) {
                throw new TooLong("command line");
            }
            line.write(b);
        }
        return Optional.empty();
    }

    private static void tokenize(String text, List<String> tokens) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                i++;
                tokens.add(value.toString());
            } else {
                int end = text.indexOf(' ', i);
                end = end < 0 ? text.length() : end;
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
    }
}
