package uccx.compliance.probes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uccx.compliance.environment.ImapSecurity;

/**
 * LIVE-03: would the SMTP server take mail for the UCCX mailbox? EHLO, MAIL FROM, RCPT TO, then
 * RSET and QUIT. DATA is never sent, so nothing is delivered; a raw socket shows the exact replies.
 */
public final class SmtpPath {

    /** The only verbs this probe may send: none of them delivers or changes anything. */
    private static final Set<String> ALLOWED = Set.of("EHLO", "STARTTLS", "MAIL", "RCPT", "RSET", "QUIT");
    /**
     * The most lines one reply may have. Exchange 2010's EHLO answer, the longest it gives, has
     * about a dozen (one per extension, RFC 5321 section 4.2.1); a server sending {@code 250-}
     * without end is cut off here rather than read until the read timeout never comes.
     */
    static final int MAX_REPLY_LINES = 100;

    private final MailTarget target;
    private final String heloName;

    /** @param heloName the name the probe gives in EHLO, e.g. the runner's host name */
    public SmtpPath(MailTarget target, String heloName) {
        this.target = target;
        this.heloName = heloName;
    }

    public SmtpResult probe(String uccxMailbox) {
        TlsClient tls;
        try {
            tls = TlsClient.of(target.trust());
        } catch (ProbeException e) {
            return new SmtpResult(SmtpResult.Outcome.COULD_NOT_VERIFY, "", List.of(), List.of(), e.getMessage());
        }
        List<SmtpReply> replies = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        String banner = "";
        try (LineChannel channel = LineChannel.open(target, tls)) {
            Reply greeting = read(channel);
            banner = greeting.last();
            if (greeting.code() != 220) {
                // Refused before a word about the mailbox: the path to it is unproven either way (a 421 passes,
                // a 554 may be aimed at this runner's address and not at the UCCX server's).
                return new SmtpResult(SmtpResult.Outcome.COULD_NOT_VERIFY, banner, extensions, replies, target.describe()
                        + ": the server refused the session at its greeting, before EHLO: " + banner);
            }
            Verdict verdict;
            try {
                verdict = unavailableIsNoVerdict(conversation(channel, uccxMailbox, extensions, replies), replies);
            } finally {
                quit(channel, replies);
            }
            // Built after RSET and QUIT, so that the replies show them too.
            return new SmtpResult(verdict.outcome(), banner, extensions, replies, verdict.detail());
        } catch (IOException e) {
            return new SmtpResult(SmtpResult.Outcome.COULD_NOT_VERIFY, banner, extensions, replies,
                    NetworkFailures.explain(e, target, tls));
        }
    }

    private record Verdict(SmtpResult.Outcome outcome, String detail) {
    }

    /** 421 at any step says the service is going away, not what it thinks of the mailbox. */
    private Verdict unavailableIsNoVerdict(Verdict verdict, List<SmtpReply> replies) {
        if (verdict.outcome() == SmtpResult.Outcome.REFUSED && !replies.isEmpty() && replies.get(replies.size() - 1).code() == 421) {
            return new Verdict(SmtpResult.Outcome.COULD_NOT_VERIFY, target.describe() + ": service not available (421): " + verdict.detail());
        }
        return verdict;
    }

    private Verdict conversation(LineChannel channel, String mailbox, List<String> extensions, List<SmtpReply> replies)
            throws IOException {
        Reply ehlo = command(channel, "EHLO " + heloName, replies);
        if (ehlo.code() != 250) {
            return new Verdict(SmtpResult.Outcome.REFUSED, "EHLO refused: " + ehlo.last());
        }
        extensions.addAll(ehlo.extensions());
        if (target.security() == ImapSecurity.STARTTLS) {
            if (extensions.stream().noneMatch(e -> e.equalsIgnoreCase("STARTTLS"))) {
                return new Verdict(SmtpResult.Outcome.COULD_NOT_VERIFY, "security is starttls, but the server does not offer STARTTLS");
            }
            Reply ready = command(channel, "STARTTLS", replies);
            if (ready.code() != 220) {
                return new Verdict(SmtpResult.Outcome.COULD_NOT_VERIFY, "STARTTLS refused: " + ready.last());
            }
            channel.upgrade();
            ehlo = command(channel, "EHLO " + heloName, replies);
            extensions.clear();
            if (ehlo.code() != 250) {
                return new Verdict(SmtpResult.Outcome.REFUSED, "EHLO after STARTTLS refused: " + ehlo.last());
            }
            extensions.addAll(ehlo.extensions());
        }
        Reply from = command(channel, "MAIL FROM:<" + mailbox + ">", replies);
        if (from.code() != 250) {
            return new Verdict(SmtpResult.Outcome.REFUSED, "MAIL FROM refused: " + from.last());
        }
        Reply to = command(channel, "RCPT TO:<" + mailbox + ">", replies);
        if (to.code() != 250 && to.code() != 251) {
            return new Verdict(SmtpResult.Outcome.REFUSED, "RCPT TO refused: " + to.last());
        }
        return new Verdict(SmtpResult.Outcome.RECIPIENT_ACCEPTED, "the server accepts " + mailbox + " as sender and recipient; nothing was sent (RSET, QUIT)");
    }

    /** RSET and QUIT on every path once greeted; a failure here changes no outcome. */
    private static void quit(LineChannel channel, List<SmtpReply> replies) {
        try {
            command(channel, "RSET", replies);
            command(channel, "QUIT", replies);
        } catch (IOException ignored) {
            // The connection is closed by the caller either way.
        }
    }

    private static Reply command(LineChannel channel, String line, List<SmtpReply> replies) throws IOException {
        String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
        if (!ALLOWED.contains(verb)) {
            throw new IllegalStateException(verb + " is not a read-only SMTP command");
        }
        channel.writeLine(line);
        Reply reply = read(channel);
        replies.add(new SmtpReply(line, reply.code(), reply.last()));
        return reply;
    }

    /** One reply, all its lines: {@code 250-first}, ..., {@code 250 last}. */
    private static Reply read(LineChannel channel) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            if (lines.size() == MAX_REPLY_LINES) {
                throw new OverBound("the server's reply went on for more than " + MAX_REPLY_LINES
                        + " lines (the bound on one reply), the last: " + abbreviated(lines.get(lines.size() - 1)));
            }
            line = channel.readLine();
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        int code;
        try {
            code = Integer.parseInt(line.substring(0, Math.min(3, line.length())));
        } catch (NumberFormatException e) {
            throw new IOException("not an SMTP reply: " + line);
        }
        return new Reply(code, lines);
    }

    private static String abbreviated(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }

    private record Reply(int code, List<String> lines) {
        String last() {
            return lines.get(lines.size() - 1);
        }

        /** EHLO's lines after the first, without the code: the extensions. */
        List<String> extensions() {
            return lines.stream().skip(1).map(l -> l.length() > 4 ? l.substring(4) : "").toList();
        }
    }
}
