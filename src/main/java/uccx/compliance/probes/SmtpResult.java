package uccx.compliance.probes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What LIVE-03 found on the SMTP path.
 *
 * @param banner     the server's 220 greeting
 * @param extensions what EHLO offered (after STARTTLS when it was used), e.g. {@code SIZE 10485760}
 * @param replies    every command and its reply, in order
 */
public record SmtpResult(Outcome outcome, String banner, List<String> extensions, List<SmtpReply> replies, String detail) {

    public SmtpResult {
        extensions = List.copyOf(extensions);
        replies = List.copyOf(replies);
    }

    /** Each command with the code it got, e.g. {@code EHLO 250, MAIL FROM 250, RCPT TO 550}. */
    public String repliesInShort() {
        return replies.stream().map(r -> r.command() + " " + r.code()).collect(Collectors.joining(", "));
    }

    /** The conversation as the probe held it. */
    public String transcript() {
        return "S: " + banner + "\n" + (extensions.isEmpty() ? "" : "S: EHLO extensions " + String.join(" ", extensions) + "\n")
                + replies.stream().map(r -> "C: " + r.command() + "\nS: " + r.code() + " " + r.reply())
                .collect(Collectors.joining("\n"));
    }

    public enum Outcome {
        /** EHLO, MAIL FROM and RCPT TO accepted; RSET and QUIT followed, nothing was delivered. */
        RECIPIENT_ACCEPTED,
        /** The server refused EHLO, MAIL FROM or RCPT TO (see the replies). */
        REFUSED,
        /** No answer to judge: unreachable, timed out, TLS refused or STARTTLS required but not offered. */
        COULD_NOT_VERIFY
    }
}
