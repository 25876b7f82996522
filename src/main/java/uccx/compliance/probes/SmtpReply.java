package uccx.compliance.probes;

/**
 * One SMTP command and the server's answer.
 *
 * @param command as sent (there is never a DATA)
 * @param code    the reply code, e.g. 250
 * @param reply   the reply's last line as the server wrote it
 */
public record SmtpReply(String command, int code, String reply) {

    boolean positive() {
        return code >= 200 && code < 300;
    }
}
