package uccx.compliance.lab.winrm;

import java.util.Objects;

/**
 * Who the listener let in for one request, and whether a credential of theirs came with the
 * logon. On Windows a network logon can reach another server (the second hop) only with such a
 * credential: a forwarded Kerberos TGT, or the password a Basic logon carries (which names a
 * local account). Without one, the logon session has nothing to prove who it is to a third
 * machine ("Making the second hop in PowerShell Remoting", Microsoft Learn).
 *
 * @param account             the account the listener authenticated
 * @param method              how it authenticated
 * @param delegatedCredential a Kerberos logon whose client forwarded its TGT with the service ticket
 */
public record Logon(String account, Method method, boolean delegatedCredential) {

    /** WinRM's authentication methods the lab serves. */
    public enum Method { BASIC, KERBEROS }

    public Logon {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(method, "method");
        if (method == Method.BASIC && delegatedCredential) {
            throw new IllegalArgumentException("Basic carries a password, not a delegated ticket");
        }
    }

    public static Logon basic(String account) {
        return new Logon(account, Method.BASIC, false);
    }

    public static Logon kerberos(String principal, boolean delegatedCredential) {
        return new Logon(principal, Method.KERBEROS, delegatedCredential);
    }
}
