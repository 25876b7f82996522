package uccx.compliance.lab.imap;

/**
 * Exchange 2010's {@code Set-ImapSettings -LoginType}. Only PlainTextLogin lets a client send a
 * password (LOGIN, AUTHENTICATE PLAIN) before TLS; the other two advertise LOGINDISABLED and
 * STARTTLS until TLS is up, PlainTextAuthentication leaving only the integrated mechanisms in clear.
 */
public enum LoginType {
    PlainTextLogin,
    PlainTextAuthentication,
    SecureLogin;

    boolean allowsPasswordInClear() {
        return this == PlainTextLogin;
    }
}
