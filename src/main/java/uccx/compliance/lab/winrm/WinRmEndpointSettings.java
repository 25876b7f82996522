package uccx.compliance.lab.winrm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the lab's WinRM listener is set up for one run.
 *
 * @param username the one account Basic authentication accepts
 * @param password its password, made for this run; never printed
 * @param https    serve HTTPS with a certificate made for this run instead of HTTP
 * @param latency  added before every answer, to make a slow or dead server for fault tests
 * @param fault    how the listener fails every client, if it does
 * @param kerberos when present, Negotiate (Kerberos) is offered besides Basic, as a domain member's WinRM does
 */
public record WinRmEndpointSettings(String username, String password, boolean https, Duration latency, Optional<ListenerFault> fault,
                                    Optional<KerberosService> kerberos) {

    public WinRmEndpointSettings {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(kerberos, "kerberos");
        if (username.isBlank() || username.contains(":")) {
            throw new IllegalArgumentException("a Basic user name must be non-blank and without ':'");
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    /** Plain HTTP with Basic, as the embedded lab runs. */
    public static WinRmEndpointSettings http(String username, String password) {
        return new WinRmEndpointSettings(username, password, false, Duration.ZERO, Optional.empty(), Optional.empty());
    }

    public WinRmEndpointSettings withHttps() {
        return new WinRmEndpointSettings(username, password, true, latency, fault, kerberos);
    }

    public WinRmEndpointSettings withLatency(Duration added) {
        return new WinRmEndpointSettings(username, password, https, added, fault, kerberos);
    }

    public WinRmEndpointSettings withFault(ListenerFault value) {
        return new WinRmEndpointSettings(username, password, https, latency, Optional.of(value), kerberos);
    }

    /** Also accepts Kerberos for {@code service} (its keytab and WSMAN/ principal). */
    public WinRmEndpointSettings withKerberos(KerberosService service) {
        return new WinRmEndpointSettings(username, password, https, latency, fault, Optional.of(service));
    }

    @Override
    public String toString() {
        return "WinRmEndpointSettings[username=" + username + ", password=****, https=" + https + ", latency=" + latency + ", fault=" + fault
                + ", kerberos=" + kerberos + "]";
    }
}
