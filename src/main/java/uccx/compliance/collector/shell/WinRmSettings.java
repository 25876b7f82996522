package uccx.compliance.collector.shell;

import java.net.URI;
import java.time.Duration;
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
 */
public record WinRmSettings(String host, int port, boolean https, String username, String password,
                            Duration connectTimeout, Duration readTimeout, Trust trust) {

    public WinRmSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(trust, "trust");
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

    /** Overthere authenticates with Kerberos exactly when the user name has an {@code @}. */
    public boolean kerberos() {
        return username.contains("@");
    }

    public URI endpoint() {
        return URI.create((https ? "https" : "http") + "://" + host + ":" + port + "/wsman");
    }

    @Override
    public String toString() {
        return "WinRmSettings[" + endpoint() + ", username=" + username + ", password=****, connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", trust=" + trust + "]";
    }
}
