package uccx.compliance.probes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import uccx.compliance.environment.ImapSecurity;

/**
 * LIVE-04: does the IMAP server offer, on the configured port and security, a login the UCCX
 * client can use? Asks CAPABILITY (again after STARTTLS when the security says starttls) over a
 * raw socket so that the report quotes the server's exact atoms. Never logs in.
 */
public final class LoginMechanism {

    private static final int MAX_UNTAGGED_LINES = 200;

    private final MailTarget target;
    private final boolean ntlmSupported;

    /**
     * @param ntlmSupported whether AUTH=NTLM counts: Exchange 2010 has IMAP NTLM from SP1 on, RTM has not
     */
    public LoginMechanism(MailTarget target, boolean ntlmSupported) {
        this.target = target;
        this.ntlmSupported = ntlmSupported;
    }

    public LoginMechanismResult probe() {
        TlsClient tls;
        try {
            tls = TlsClient.of(target.trust());
        } catch (ProbeException e) {
            return failed("", List.of(), e.getMessage());
        }
        String greeting = "";
        List<String> before = List.of();
        try (LineChannel channel = LineChannel.open(target, tls)) {
            greeting = channel.readLine();
            if (!greeting.startsWith("* OK")) {
                return failed(greeting, before, "the server did not greet with * OK");
            }
            try {
                before = capability(channel, "c1");
                List<String> after = List.of();
                if (target.security() == ImapSecurity.STARTTLS) {
                    if (!before.contains("STARTTLS")) {
                        return new LoginMechanismResult(LoginMechanismResult.Outcome.NO_USABLE_LOGIN, greeting, before, after,
                                List.of(), "security is starttls, but the server does not offer STARTTLS");
                    }
                    channel.writeLine("c2 STARTTLS");
                    String answer = tagged(channel, "c2", new ArrayList<>());
                    if (!answer.startsWith("c2 OK")) {
                        return failed(greeting, before, "STARTTLS refused: " + answer);
                    }
                    channel.upgrade();
                    after = capability(channel, "c3");
                }
                return judge(greeting, before, after);
            } finally {
                logout(channel);
            }
        } catch (IOException e) {
            return failed(greeting, before, NetworkFailures.explain(e, target, tls));
        }
    }

    private LoginMechanismResult judge(String greeting, List<String> before, List<String> after) {
        List<String> effective = after.isEmpty() ? before : after;
        List<String> usable = new ArrayList<>();
        if (!effective.contains("LOGINDISABLED")) {
            usable.add("LOGIN");
        }
        if (effective.contains("AUTH=PLAIN")) {
            usable.add("AUTHENTICATE PLAIN");
        }
        if (effective.contains("AUTH=LOGIN")) {
            usable.add("AUTHENTICATE LOGIN");
        }
        if (effective.contains("AUTH=NTLM") && ntlmSupported) {
            usable.add("AUTHENTICATE NTLM");
        }
        String where = target.describe();
        if (!usable.isEmpty()) {
            return new LoginMechanismResult(LoginMechanismResult.Outcome.USABLE_LOGIN_OFFERED, greeting, before, after, usable,
                    where + " offers " + String.join(", ", usable));
        }
        StringBuilder why = new StringBuilder(where).append(" offers no login the UCCX client can use");
        if (effective.contains("LOGINDISABLED") && after.isEmpty() && target.security() == ImapSecurity.NONE) {
            why.append(": LOGINDISABLED without STARTTLS under security: none blocks plain LOGIN");
            if (effective.contains("STARTTLS")) {
                why.append(" (the server offers STARTTLS; with security: starttls the client could log in after it)");
            }
        }
        if (effective.contains("AUTH=NTLM") && !ntlmSupported) {
            why.append("; AUTH=NTLM is offered but not counted: Exchange 2010 RTM has no IMAP NTLM");
        }
        return new LoginMechanismResult(LoginMechanismResult.Outcome.NO_USABLE_LOGIN, greeting, before, after, usable, why.toString());
    }

    private LoginMechanismResult failed(String greeting, List<String> before, String why) {
        return new LoginMechanismResult(LoginMechanismResult.Outcome.COULD_NOT_VERIFY, greeting, before, List.of(), List.of(), why);
    }

    /** The atoms of every {@code * CAPABILITY} line before the tagged answer, upper-cased as IMAP compares them. */
    private static List<String> capability(LineChannel channel, String tag) throws IOException {
        channel.writeLine(tag + " CAPABILITY");
        List<String> untagged = new ArrayList<>();
        String answer = tagged(channel, tag, untagged);
        if (!answer.startsWith(tag + " OK")) {
            throw new IOException("CAPABILITY refused: " + answer);
        }
        List<String> atoms = new ArrayList<>();
        for (String line : untagged) {
            if (line.regionMatches(true, 0, "* CAPABILITY ", 0, 13)) {
                Arrays.stream(line.substring(13).trim().split("\\s+")).map(a -> a.toUpperCase(Locale.ROOT)).forEach(atoms::add);
            }
        }
        return atoms;
    }

    /** Reads until the line tagged {@code tag}, which it returns; the untagged lines before it go to {@code untagged}. */
    private static String tagged(LineChannel channel, String tag, List<String> untagged) throws IOException {
        // Each read is bounded by the read timeout; this bounds how many a chatty server can make us read.
        while (untagged.size() < MAX_UNTAGGED_LINES) {
            String line = channel.readLine();
            if (line.startsWith(tag + " ")) {
                return line;
            }
            untagged.add(line);
        }
        throw new IOException("no answer to " + tag + " after " + MAX_UNTAGGED_LINES + " lines");
    }

    private static void logout(LineChannel channel) {
        try {
            channel.writeLine("c9 LOGOUT");
            tagged(channel, "c9", new ArrayList<>());
        } catch (IOException ignored) {
            // The connection is closed by the caller either way.
        }
    }
}
