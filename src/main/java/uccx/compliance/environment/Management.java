package uccx.compliance.environment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the collector reaches the Exchange Management Shell. For {@link Transport#WINRM} host,
 * port, username and password are present (port defaulted to 5986 with HTTPS, 5985 without);
 * for {@link Transport#LOCAL} and {@link Transport#LAB} they are all empty and {@code https} is
 * false, because the file may not set them there.
 *
 * @param certificateSha256 the pinned server certificate's SHA-256, lower-case hex without colons
 * @param secondHop         how the script reaches the servers behind the one it runs on (winrm and lab;
 *                          {@link SecondHop#DELEGATION} for local, where every target is one hop away)
 */
public record Management(Transport transport, Optional<String> host, OptionalInt port, boolean https,
        Optional<String> username, Optional<Secret> password, Optional<Path> trustStore,
        Optional<Secret> trustStorePassword, Optional<String> certificateSha256, SecondHop secondHop) {

    public Management {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(secondHop, "secondHop");
    }

    /**
     * Why this way of reaching Exchange is weaker than it should be, for a warning in the build log,
     * the summary and the report: with {@code https: false} the audit account's credentials and every
     * answer cross the network without TLS, and nothing proves the server is the real one.
     */
    public Optional<String> weakness() {
        if (transport == Transport.WINRM && !https) {
            return Optional.of("WinRM over plain HTTP (https: false): the server is not authenticated and the audit account's "
                    + "credentials and every answer cross the network unencrypted; use https: true with a pinned certificate or trust store");
        }
        return Optional.empty();
    }

    /** Where commands go, for messages and evidence: never a secret. */
    public String describe() {
        return switch (transport) {
            case WINRM -> "WinRM " + (https ? "https" : "http") + "://" + host.orElse("?") + ":"
                    + (port.isPresent() ? port.getAsInt() : "?") + " as " + username.orElse("?");
            case LOCAL -> "local powershell.exe";
            case LAB -> "the embedded lab";
        };
    }
}
