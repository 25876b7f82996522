package uccx.compliance.lab.imap;

/**
 * Exchange 2010's {@code Set-ImapSettings -LoginType}. Only PlainTextLogin lets a client send a
 * password (LOGIN, AUTHENTICATE PLAIN) before TLS; the other two advertise LOGINDISABLED and
 * STARTTLS until TLS is up, PlainTextAuthentication leaving only the integrated mechanisms in clear.
 * Wherever a password is taken, the captures show AUTH=PLAIN beside LOGIN; none shows a CAPABILITY
 * that allows LOGIN without AUTH=PLAIN, so the lab plays none (a client preferring PLAIN never sends LOGIN).
 *
 * <p>Sources: Microsoft, "Configuring Authentication for POP3 and IMAP4" (Exchange 2010),
 * https://learn.microsoft.com/en-us/previous-versions/exchange-server/exchange-140/aa997188(v=exchg.140)
 * (PlainTextAuthentication: "Basic authentication is permitted only on a port that uses TLS or SSL
 * encryption"); a public capture of SecureLogin, LOGINDISABLED STARTTLS before TLS and AUTH=PLAIN
 * after it, https://cweiske.de/tagebuch/IMAP%20with%20Exchange.htm
 */
public enum LoginType {
    PlainTextLogin,
    PlainTextAuthentication,
    SecureLogin;

    boolean allowsPasswordInClear() {
        return this == PlainTextLogin;
    }
}
