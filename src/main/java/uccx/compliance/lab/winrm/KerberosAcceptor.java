package uccx.compliance.lab.winrm;

import java.io.IOException;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * Accepts the SPNEGO tokens of HTTP Negotiate (RFC 4559) as the WinRM service of a Windows
 * server does: with the service's keys (from a keytab, through a JAAS acceptor login of the
 * lab's own configuration), answering with the mutual-authentication token, and telling who
 * logged on and whether a TGT came with the ticket (GSS_C_DELEG_FLAG and a delegated credential).
 */
final class KerberosAcceptor {

    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    private static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    private static final Oid KRB5_PRINCIPAL_NAME = oid("1.2.840.113554.1.2.2.1");

    private final Subject service;
    private final GSSCredential credential;

    private KerberosAcceptor(Subject service, GSSCredential credential) {
        this.service = service;
        this.credential = credential;
    }

    /** Reads the service's keys from its keytab; no KDC is asked (isInitiator=false). */
    static KerberosAcceptor login(KerberosService settings) throws IOException {
        try {
            LoginContext context = new LoginContext("lab-winrm", new Subject(), callbacks -> {
                throw new javax.security.auth.callback.UnsupportedCallbackException(callbacks[0], "the keytab holds the keys");
            }, new KeytabOnly(settings));
            context.login();
            Subject subject = context.getSubject();
            GSSCredential credential = as(subject, () -> {
                GSSManager manager = GSSManager.getInstance();
                return manager.createCredential(manager.createName(settings.principal(), KRB5_PRINCIPAL_NAME),
                        GSSCredential.INDEFINITE_LIFETIME, new Oid[] {SPNEGO, KRB5}, GSSCredential.ACCEPT_ONLY);
            });
            return new KerberosAcceptor(subject, credential);
        } catch (LoginException | GSSException e) {
            throw new IOException("the lab cannot act as " + settings.principal() + " from " + settings.keytab() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param principal the client, for example {@code svc-audit@LAB.TEST}
     * @param delegated whether the client forwarded its TGT
     * @param reply     the token for the answer's WWW-Authenticate, the server's proof of itself
     */
    record Accepted(String principal, boolean delegated, Optional<byte[]> reply) {
    }

    /** A GSSException when the token is garbled, not for this service, or needs a leg Kerberos never needs. */
    Accepted accept(byte[] token) throws GSSException {
        return as(service, () -> {
            GSSContext context = GSSManager.getInstance().createContext(credential);
            try {
                byte[] reply = context.acceptSecContext(token, 0, token.length);
                if (!context.isEstablished()) {
                    throw new GSSException(GSSException.DEFECTIVE_TOKEN, 0, "the token does not complete a Kerberos logon");
                }
                boolean delegated = context.getCredDelegState() && context.getDelegCred() != null;
                return new Accepted(context.getSrcName().toString(), delegated, Optional.ofNullable(reply));
            } finally {
                context.dispose();
            }
        });
    }

    private static <T> T as(Subject subject, PrivilegedExceptionAction<T> action) throws GSSException {
        try {
            return Subject.doAs(subject, action);
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof GSSException gss) {
                throw gss;
            }
            throw new IllegalStateException(e.getException());
        }
    }

    /** Krb5LoginModule as an acceptor: the keys from the keytab, kept in the Subject (storeKey), never a prompt. */
    private static final class KeytabOnly extends Configuration {
        private final KerberosService settings;

        KeytabOnly(KerberosService settings) {
            this.settings = settings;
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            Map<String, String> options = Map.of(
                    "principal", settings.principal(),
                    "useKeyTab", "true",
                    "keyTab", settings.keytab().toString(),
                    "storeKey", "true",
                    "isInitiator", "false",
                    "doNotPrompt", "true",
                    "useTicketCache", "false");
            return new AppConfigurationEntry[] {
                new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule", LoginModuleControlFlag.REQUIRED, options)};
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
