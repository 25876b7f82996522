package uccx.compliance.environment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment file's {@code evidence.signing}: the PKCS12 file whose key signs the run's
 * manifest. Opening it is {@link SigningKeys#open}'s work, done once when the file is validated
 * and again when the run seals its evidence.
 *
 * @param keyStore    the PKCS12 file, absolute
 * @param shownAs     how messages name it: the path as written, or {@code ${VAR}} when a variable
 *                    gives it (its value is not shown: a mistyped name could be a password's)
 * @param password    the PKCS12 file's password, which is also its key entry's (Jenkins' certificate credentials have one)
 * @param alias       the key entry to use; needed only when the file holds several keys
 */
public record EvidenceSigning(Path keyStore, String shownAs, Secret password, Optional<String> alias) {

    public EvidenceSigning {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(shownAs, "shownAs");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(alias, "alias");
    }
}
