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
 * @param acceptCleartext   the site's acceptance of {@code https: false}; present exactly when winrm runs without https,
 *                          because the loader refuses plain HTTP that nobody accepted
 */
public record Management(Transport transport, Optional<String> host, OptionalInt port, boolean https,
        Optional<String> username, Optional<Secret> password, Optional<Path> trustStore,
        Optional<Secret> trustStorePassword, Optional<String> certificateSha256, SecondHop secondHop,
        Optional<CleartextAcceptance> acceptCleartext) {

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
        Objects.requireNonNull(acceptCleartext, "acceptCleartext");
    }

    /**
     * What WinRM over plain HTTP exposes, as this suite does it (one sentence, for the refusal and
     * the warning). The user name is always a Kerberos principal (the schema refuses anything else
     * outside the lab), so the password goes only to the KDC, inside Kerberos pre-authentication,
     * never to the WinRM server. But WinRM over HTTP is protected only by WinRM's own message
     * encryption (MS-WSMV 3.1.4.1.29, "Unencrypted"; Microsoft's WinRM docs say Basic over HTTP
     * sends the password "as clear text", Policy CSP RemoteManagement/AllowBasicAuthentication_Client),
     * and Overthere 5.3.2 implements none: the server must allow unencrypted messages, which also
     * lets any other client send it a Basic password in clear.
     */
    static final String PLAIN_HTTP = "WinRM over plain HTTP (https: false) has no message encryption here (Overthere 5.3.2"
            + " implements none): the script and every answer from Exchange cross the network unencrypted and unsigned, so anyone"
            + " on the path can read or change them, and the server must allow unencrypted WinRM (AllowUnencrypted=true), which"
            + " lets any client send it a Basic password in clear; the audit account's password itself goes only to the KDC"
            + " (Kerberos)";

    /**
     * Why this way of reaching Exchange is weaker than it should be, for a warning in the build log,
     * the summary and the report: WinRM over plain HTTP, which the file accepted (else it would not
     * have loaded), shown with who accepted it and until when.
     */
    public Optional<String> weakness() {
        if (transport == Transport.WINRM && !https) {
            return Optional.of(PLAIN_HTTP + "; " + acceptCleartext.map(CleartextAcceptance::describe)
                    .orElse("not accepted in the environment file"));
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
