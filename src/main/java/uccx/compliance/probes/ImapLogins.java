package uccx.compliance.probes;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.Response;
import uccx.compliance.environment.ImapSecurity;

/** Opens IMAP sessions to one target with Angus Mail, every one bounded by the target's timeouts. */
final class ImapLogins {

    /** What one login attempt came to. */
    sealed interface Attempt permits Opened, Refused, Failed, NotSent {
    }

    /** Logged in; the caller owns the store and must close it. */
    record Opened(Store store) implements Attempt {
    }

    /** The server answered the login with NO or BYE; {@code serverText} is its words, e.g. {@code NO AUTHENTICATE failed.} */
    record Refused(String serverText) implements Attempt {
    }

    /** No answer to judge: unreachable, timed out, TLS refused; or the connection ended after the password left. */
    record Failed(String reason) implements Attempt {
    }

    /** The guard kept the password back; the connection was closed without a login. */
    record NotSent(CredentialGuard.Withheld withheld) implements Attempt {
    }

    private final MailTarget target;
    private final TlsClient tls;
    private final CredentialGuard guard;

    ImapLogins(MailTarget target, TlsClient tls, CredentialGuard guard) {
        this.target = target;
        this.tls = tls;
        this.guard = guard;
    }

    /**
     * One login, its password sent only when the guard gives the turn, and its outcome told to the guard.
     *
     * @param trace where the protocol trace goes, or null for none
     */
    Attempt login(UccxCredentials credentials, PrintStream trace) {
        Optional<CredentialGuard.Withheld> withheld = guard.withheld(credentials);
        if (withheld.isPresent()) {
            // Not even a connection: a server that sees none cannot count anything.
            return new NotSent(withheld.get());
        }
        Session session = Session.getInstance(properties());
        if (trace != null) {
            session.setDebugOut(trace);
            session.setDebug(true);
        }
        GuardedImapStore store = new GuardedImapStore(session, target, guard, credentials);
        try {
            store.connect(target.host(), target.port(), credentials.account(), credentials.password().reveal());
            store.turn().ifPresent(CredentialGuard.Turn::accepted);
            return new Opened(store);
        } catch (AuthenticationFailedException e) {
            // Angus keeps only the text after the status word of the tagged NO.
            String serverText = "NO " + e.getMessage();
            // The store's limit is answered only once Active Directory accepted the password.
            store.turn().ifPresent(t -> t.refused(serverText, !serverText.contains(DualLogin.STORE_LIMIT_TEXT)));
            return new Refused(serverText);
        } catch (MessagingException e) {
            if (store.withheld().isPresent()) {
                return new NotSent(store.withheld().get());
            }
            Response bye = byeFromServer(e);
            if (bye != null) {
                store.turn().ifPresent(t -> t.refused("BYE " + bye.getRest(), true));
                return new Refused("BYE " + bye.getRest());
            }
            String reason = reason(e);
            store.turn().ifPresent(t -> {
                if (brokenConnection(e)) {
                    t.unanswered(reason);
                } else {
                    t.notSent();
                }
            });
            return new Failed(reason);
        } finally {
            // Whatever else ended the login (an unchecked exception), the wire is not kept.
            store.turn().ifPresent(CredentialGuard.Turn::notSent);
        }
    }

    /**
     * Whether the connection broke or went silent, rather than Angus giving up before it wrote the
     * password (e.g. no login method it may use): with the turn taken, the password may have left.
     */
    private static boolean brokenConnection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof ConnectionException) {
                return true;
            }
        }
        return false;
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
            if (t instanceof OverBound) {
                return t.getMessage();
            }
            if (t instanceof ConnectionException c && c.getResponse() != null && c.getResponse().isSynthetic()) {
                if (c.getResponse().getException() instanceof OverBound overBound) {
                    // Angus turns a failed read within a command into a made-up BYE that keeps the failure.
                    return overBound.getMessage();
                }
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
