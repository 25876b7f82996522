package uccx.compliance.probes;

import java.util.List;

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

    public enum Outcome {
        /** EHLO, MAIL FROM and RCPT TO accepted; RSET and QUIT followed, nothing was delivered. */
        RECIPIENT_ACCEPTED,
        /** The server refused EHLO, MAIL FROM or RCPT TO (see the replies). */
        REFUSED,
        /** No answer to judge: unreachable, timed out, TLS refused or STARTTLS required but not offered. */
        COULD_NOT_VERIFY
    }
}
