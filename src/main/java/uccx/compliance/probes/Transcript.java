package uccx.compliance.probes;

import java.io.ByteArrayOutputStream;
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

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Where Angus writes the trace. */
    PrintStream out() {
        return out;
    }

    /** The trace without the password and without any login or authentication payload. */
    String redacted(String password) {
        out.flush();
        StringBuilder clean = new StringBuilder();
        boolean afterContinuation = false;
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\r?\n")) {
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
        return clean.toString();
    }
}
