package uccx.compliance.lab.winrm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The lab's WinRM service as a Kerberos service: its principal, {@code WSMAN/<host>@REALM} as a
 * Windows server registers it, and the keytab that holds its keys. The realm's krb5.conf is the
 * JVM's; accepting a ticket needs no KDC.
 */
public record KerberosService(Path keytab, String principal) {

    public KerberosService {
        Objects.requireNonNull(keytab, "keytab");
        Objects.requireNonNull(principal, "principal");
        if (!principal.startsWith("WSMAN/") || !principal.contains("@")) {
            throw new IllegalArgumentException("a WinRM service principal is WSMAN/<host>@REALM, not " + principal);
        }
    }
}
