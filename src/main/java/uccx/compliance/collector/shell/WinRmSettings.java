package uccx.compliance.collector.shell;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import uccx.compliance.tls.Trust;

/**
 * How to reach one WinRM endpoint.
 *
 * @param host           the server (or management host) the command runs on
 * @param port           5985 for HTTP, 5986 for HTTPS by Windows' defaults
 * @param https          TLS to the endpoint, its certificate verified by {@code trust}
 * @param username       {@code user@REALM} for Kerberos (a domain account), a plain name for
 *                       Basic (a local account, as in the lab); {@code DOMAIN\\user} is refused
 *                       because Overthere's WinRM client cannot use it
 * @param password       never printed, never retried after a refusal
 * @param connectTimeout for the TCP connection
 * @param readTimeout    for the whole run: connecting, sending input, waiting for output and exit
 * @param trust          which certificates HTTPS accepts; ignored for HTTP
 * @param delegation     whether a Kerberos logon may forward the account's TGT to the server
 */
public record WinRmSettings(String host, int port, boolean https, String username, String password,
                            Duration connectTimeout, Duration readTimeout, Trust trust, Delegation delegation) {

    /**
     * Whether the audit account's TGT may go with its Kerberos logon to the WinRM server. A
     * forwarded TGT lets whoever controls that server act as the account anywhere, so it never
     * goes to a server Active Directory does not trust for delegation.
     */
    public enum Delegation {
        /**
         * Forward the TGT exactly when the KDC marked the service ticket OK-AS-DELEGATE, which
         * Active Directory does for a computer "trusted for delegation to any service (Kerberos
         * only)": {@code requestCredDeleg(false)} plus {@code ExtendedGSSContext.requestDelegPolicy(true)}
         * (JDK: requestCredDeleg(true) forwards a forwardable TGT whatever that flag says).
         */
        FOLLOW_KDC_POLICY,
        /** Never forward the TGT, whatever the KDC says. */
        NEVER
    }

    /** Delegation as the KDC's policy says ({@link Delegation#FOLLOW_KDC_POLICY}). */
    public WinRmSettings(String host, int port, boolean https, String username, String password,
                         Duration connectTimeout, Duration readTimeout, Trust trust) {
        this(host, port, https, username, password, connectTimeout, readTimeout, trust, Delegation.FOLLOW_KDC_POLICY);
    }

    public WinRmSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(delegation, "delegation");
        if (host.isBlank()) {
            throw new IllegalArgumentException("WinRM host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("WinRM port " + port + " is not a TCP port");
        }
        if (username.isBlank()) {
            throw new IllegalArgumentException("WinRM username is blank");
        }
        if (username.contains("\\")) {
            throw new IllegalArgumentException("WinRM username " + username + ": write a domain account as user@REALM"
                    + " (Kerberos); Overthere's WinRM client refuses DOMAIN\\user");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("WinRM timeouts must be positive");
        }
    }

    /** Kerberos exactly when the user name has an {@code @} ({@code user@REALM}); Basic otherwise. */
    public boolean kerberos() {
        return username.contains("@");
    }

    /** The realm of a Kerberos user name, as written after its {@code @}, upper-cased as Kerberos realms are. */
    String realm() {
        return username.substring(username.lastIndexOf('@') + 1).toUpperCase(Locale.ROOT);
    }

    /** The Kerberos principal: the user name with its realm upper-cased (Overthere did the same). */
    String principal() {
        return username.substring(0, username.lastIndexOf('@') + 1) + realm();
    }

    public URI endpoint() {
        return URI.create((https ? "https" : "http") + "://" + host + ":" + port + "/wsman");
    }

    @Override
    public String toString() {
        return "WinRmSettings[" + endpoint() + ", username=" + username + ", password=****, connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", trust=" + trust + ", delegation=" + delegation + "]";
    }
}
