package uccx.compliance.probes;

import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * Angus's IMAP store, asking the {@link CredentialGuard} for the wire right before the password is
 * sent. Angus calls {@code preLogin} "after the connection is made and TLS is started (if needed),
 * but before any authentication is attempted" (IMAPStore's Javadoc, Angus Mail 2.0), so connecting,
 * the greeting and STARTTLS stay parallel and only the login itself takes its turn.
 */
final class GuardedImapStore extends IMAPStore {

    private final CredentialGuard guard;
    private final UccxCredentials credentials;
    private Optional<CredentialGuard.Turn> turn = Optional.empty();
    private Optional<CredentialGuard.Withheld> withheld = Optional.empty();

    GuardedImapStore(Session session, MailTarget target, CredentialGuard guard, UccxCredentials credentials) {
        super(session, new URLName("imap", target.host(), target.port(), null, null, null));
        this.guard = guard;
        this.credentials = credentials;
    }

    /** Every connection of the store, the one that logs in and any a folder opens, reads within its bound. */
    @Override
    protected IMAPProtocol newIMAPProtocol(String host, int port) throws IOException, ProtocolException {
        return new BoundedImapProtocol(name, host, port, session.getProperties(), isSSL, logger);
    }

    @Override
    protected void preLogin(IMAPProtocol protocol) throws ProtocolException {
        if (turn.isPresent()) {
            // One password per store: a second login (a second connection Angus would open) is not made.
            throw new ProtocolException("a second login on one session is not made");
        }
        try {
            turn = Optional.of(guard.awaitTurn(credentials));
        } catch (CredentialGuard.WithheldException e) {
            withheld = Optional.of(e.withheld());
            throw new ProtocolException("not sent: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            withheld = Optional.of(new CredentialGuard.Withheld(CredentialGuard.Reason.STOPPED_IN_THIS_RUN,
                    "the probe ended before this login's turn came"));
            throw new ProtocolException("not sent: the probe ended first");
        }
    }

    /** The turn this store's login took, if it got to the point of sending the password. */
    Optional<CredentialGuard.Turn> turn() {
        return turn;
    }

    /** Why the guard kept the password back, if it did. */
    Optional<CredentialGuard.Withheld> withheld() {
        return withheld;
    }
}
