package uccx.compliance.environment;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The key that signs a run's manifest, with its certificate and the chain the PKCS12 file holds
 * above it (signer first). Printing it shows the certificate, never the key.
 */
public record SigningKey(String alias, PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** For a reader checking the site: whose key, issued by whom, until when. */
    public String describe() {
        X509Certificate c = certificate();
        return "\"" + alias + "\" (" + c.getSubjectX500Principal().getName() + ", issued by " + c.getIssuerX500Principal().getName()
                + ", valid until " + c.getNotAfter().toInstant() + ")";
    }

    @Override
    public String toString() {
        return "signing key " + describe();
    }
}
