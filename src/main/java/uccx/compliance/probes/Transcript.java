package uccx.compliance.probes;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocol trace of one mail session, kept in memory and handed out only redacted.
 * Angus already leaves the authentication exchange out ({@code mail.debug.auth=false}); the
 * redaction is a second line of defence in case a server or a future Angus echoes it.
 */
final class Transcript {

    private static final Pattern LOGIN_COMMAND = Pattern.compile("^(\\S+ (?i:LOGIN))\\s.*$");
    private static final Pattern AUTHENTICATE_COMMAND = Pattern.compile("^(\\S+ (?i:AUTHENTICATE) \\S+)\\s.*$");
    private static final String REDACTED = "<redacted>";

    /**
     * The most of a session's trace kept. A login and an EXAMINE trace to a few KiB; Angus traces
     * whatever the server sends, and a hostile server's flood must not be kept a second time here.
     */
    static final int MAX_TRACE_BYTES = 256 * 1024;

    private final BoundedBytes bytes = new BoundedBytes();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Keeps the first {@link #MAX_TRACE_BYTES} and drops the rest, remembering that it did. */
    private static final class BoundedBytes extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean cut;

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = MAX_TRACE_BYTES - kept.size();
            kept.write(b, off, Math.min(room, len));
            cut |= len > room;
        }

        /** Whole lines only: a line cut in two could hold half a secret that no redaction recognises. */
        synchronized String text() {
            String text = kept.toString(StandardCharsets.UTF_8);
            return cut ? text.substring(0, text.lastIndexOf('\n') + 1) : text;
        }
    }

    /** Where Angus writes the trace. */
    PrintStream out() {
        return out;
    }

    /** The trace without the password and without any login or authentication payload. */
    String redacted(String password) {
        out.flush();
        StringBuilder clean = new StringBuilder();
        boolean afterContinuation = false;
        for (String line : bytes.text().split("\r?\n")) {
            String l = password.isEmpty() ? line : line.replace(password, REDACTED);
            Matcher login = LOGIN_COMMAND.matcher(l);
            Matcher authenticate = AUTHENTICATE_COMMAND.matcher(l);
            if (login.matches()) {
                l = login.group(1) + " " + REDACTED;
            } else if (authenticate.matches()) {
                // An initial response (SASL-IR) carries the credentials on the command line itself.
                l = authenticate.group(1) + " " + REDACTED;
            } else if (afterContinuation && !l.startsWith("DEBUG") && !l.startsWith("* ") && !l.startsWith("+")) {
                // What a client sends after a "+" continuation during AUTHENTICATE is the encoded credential.
                l = REDACTED + " (authentication payload)";
            }
            afterContinuation = l.startsWith("+");
            clean.append(l).append('\n');
        }
        if (bytes.cut) {
            clean.append("[the trace was cut at ").append(MAX_TRACE_BYTES / 1024).append(" KiB, the bound on one session's trace]\n");
        }
        return clean.toString();
    }
}
