package uccx.compliance.collector.shell;

import com.sun.security.jgss.ExtendedGSSContext;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Optional;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;
import uccx.compliance.collector.shell.WinRmSettings.Delegation;

/**
 * Makes the SPNEGO tokens of HTTP Negotiate (RFC 4559) for the WinRM service of one server, from
 * the TGT of the run's {@link KerberosLogin}. The service is {@code WSMAN/<host>}: the SPN the
 * WinRM service registers (MS-WSMV), without a port, the host as configured.
 *
 * <p>Delegation is asked for as {@link Delegation} says and never more: the JDK forwards a
 * forwardable TGT whenever {@code requestCredDeleg(true)}, whatever the service ticket's
 * OK-AS-DELEGATE flag says; with {@code requestCredDeleg(false)} and
 * {@code ExtendedGSSContext.requestDelegPolicy(true)} it forwards exactly when the KDC set that
 * flag (JDK {@code com.sun.security.jgss.ExtendedGSSContext#requestDelegPolicy}).
 */
final class SpnegoInitiator {

    /** RFC 4178's SPNEGO, what "Negotiate" carries. */
    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");

    private final Subject subject;
    private final String host;
    private final Delegation delegation;

    SpnegoInitiator(Subject subject, String host, Delegation delegation) {
        this.subject = subject;
        this.host = host;
        this.delegation = delegation;
    }

    String servicePrincipal() {
        return "WSMAN/" + host;
    }

    /** A security context for one HTTP request (RFC 4559 section 4: each request may carry its own token). */
    Negotiation begin() throws GSSException {
        return as(() -> {
            GSSManager manager = GSSManager.getInstance();
            GSSName service = manager.createName("WSMAN@" + host, GSSName.NT_HOSTBASED_SERVICE);
            ExtendedGSSContext context = (ExtendedGSSContext) manager.createContext(service, SPNEGO, null, GSSContext.DEFAULT_LIFETIME);
            context.requestMutualAuth(true);
            context.requestCredDeleg(false);
            context.requestDelegPolicy(delegation == Delegation.FOLLOW_KDC_POLICY);
            return new Negotiation(context);
        });
    }

    /** One GSS context's exchange of tokens; GSS calls run as the run's Subject, whose TGT and service tickets they use. */
    final class Negotiation {
        private final GSSContext context;

        private Negotiation(GSSContext context) {
            this.context = context;
        }

        /** The token of the request's Authorization header. */
        byte[] firstToken() throws GSSException {
            return as(() -> context.initSecContext(new byte[0], 0, 0));
        }

        /**
         * Takes the server's token from WWW-Authenticate: verifies the server's mutual-authentication
         * answer (a GSSException if it does not prove the server holds the service's key), or
         * returns the next token of a negotiation that needs another leg.
         */
        Optional<byte[]> accept(byte[] serverToken) throws GSSException {
            if (context.isEstablished()) {
                throw new GSSException(GSSException.DEFECTIVE_TOKEN, 0, "a token after the context was complete");
            }
            return Optional.ofNullable(as(() -> context.initSecContext(serverToken, 0, serverToken.length)));
        }

        boolean established() {
            return context.isEstablished();
        }

        void dispose() {
            try {
                context.dispose();
            } catch (GSSException ignored) {
                // Disposing frees memory only: the context is not used again either way.
            }
        }
    }

    private <T> T as(PrivilegedExceptionAction<T> action) throws GSSException {
        try {
            return Subject.doAs(subject, action);
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof GSSException gss) {
                throw gss;
            }
            throw new IllegalStateException(e.getException());
        }
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
