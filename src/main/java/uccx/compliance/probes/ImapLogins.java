package uccx.compliance.probes;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.Response;
import uccx.compliance.environment.ImapSecurity;

/** Opens IMAP sessions to one target with Angus Mail, every one bounded by the target's timeouts. */
final class ImapLogins {

    /** What one login attempt came to. */
    sealed interface Attempt permits Opened, Refused, Failed {
    }

    /** Logged in; the caller owns the store and must close it. */
    record Opened(Store store) implements Attempt {
    }

    /** The server answered the login with NO or BYE; {@code serverText} is its words, e.g. {@code NO AUTHENTICATE failed.} */
    record Refused(String serverText) implements Attempt {
    }

    /** No answer to judge: unreachable, timed out, TLS refused. */
    record Failed(String reason) implements Attempt {
    }

    private final MailTarget target;
    private final TlsClient tls;

    ImapLogins(MailTarget target, TlsClient tls) {
        this.target = target;
        this.tls = tls;
    }

    /** @param trace where the protocol trace goes, or null for none */
    Attempt login(UccxCredentials credentials, PrintStream trace) {
        Session session = Session.getInstance(properties());
        if (trace != null) {
            session.setDebugOut(trace);
            session.setDebug(true);
        }
        Store store;
        try {
            store = session.getStore("imap");
        } catch (MessagingException e) {
            return new Failed("no IMAP provider: " + e.getMessage());
        }
        try {
            store.connect(target.host(), target.port(), credentials.account(), credentials.password().reveal());
            return new Opened(store);
        } catch (AuthenticationFailedException e) {
            // Angus keeps only the text after the status word of the tagged NO.
            return new Refused("NO " + e.getMessage());
        } catch (MessagingException e) {
            Response bye = byeFromServer(e);
            return bye != null ? new Refused("BYE " + bye.getRest()) : new Failed(reason(e));
        }
    }

    /** EXAMINE INBOX: Angus opens a folder read-only with EXAMINE, so nothing in the mailbox changes. */
    static void examineInbox(Store store) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        inbox.close(false);
    }

    /** Logs out; a failure here changes no outcome, the socket is closed either way. */
    static void closeQuietly(Store store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException ignored) {
            // Angus closes the socket even when LOGOUT gets no answer.
        }
    }

    String reason(Throwable failure) {
        Response bye = byeFromServer(failure);
        if (bye != null) {
            return "the server ended the session with * BYE " + bye.getRest();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException c && c.getResponse() != null && c.getResponse().isSynthetic()) {
                // Angus's stand-in BYE for a socket that reached its end: the server hung up without a word.
                return "the server closed the connection";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                return NetworkFailures.timeout((SocketTimeoutException) t, target);
            }
            if (t instanceof SSLException) {
                return tls.explain(t);
            }
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** A BYE the server really sent; Angus also makes up a BYE when a socket breaks, and that one is not an answer. */
    private static Response byeFromServer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException c && c.getResponse() != null && c.getResponse().isBYE()
                    && !c.getResponse().isSynthetic()) {
                return c.getResponse();
            }
        }
        return null;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.imap.connectiontimeout", Long.toString(target.connectTimeout().toMillis()));
        p.setProperty("mail.imap.timeout", Long.toString(target.readTimeout().toMillis()));
        // The password must never reach the trace, whatever the mechanism.
        p.setProperty("mail.debug.auth", "false");
        // The UCCX client logs in with LOGIN or PLAIN. NTLM without the account's domain set up
        // would be refused as a bad password and count towards an Active Directory lockout.
        p.setProperty("mail.imap.auth.mechanisms", "PLAIN LOGIN");
        p.put("mail.imap.ssl.socketFactory", tls.socketFactory());
        p.setProperty("mail.imap.ssl.checkserveridentity", Boolean.toString(tls.verifiesHostname()));
        if (target.security() == ImapSecurity.SSL) {
            p.setProperty("mail.imap.ssl.enable", "true");
        } else if (target.security() == ImapSecurity.STARTTLS) {
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
        }
        return p;
    }
}
