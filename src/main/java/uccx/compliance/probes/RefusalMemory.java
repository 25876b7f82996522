package uccx.compliance.probes;

import java.util.Optional;

/**
 * What earlier runs learnt about the site's passwords: which were refused, and in which run. Kept
 * between runs by the run (a file under {@code reports/<env>/}); the probes only ask and tell it
 * through the {@link CredentialGuard}.
 */
public interface RefusalMemory {

    /** The run that saw a server refuse exactly these credentials (this account, this password), if one did. */
    Optional<String> refusedIn(UccxCredentials credentials);

    /** Called once, when a server refused these credentials in run {@code runId}. */
    void remember(UccxCredentials credentials, String runId);

    /**
     * Why the memory could not be read, if it could not: then no password is sent at all, since the
     * lost memory may have held it (a second wrong password is what the memory is there to prevent).
     */
    default Optional<String> unreadable() {
        return Optional.empty();
    }

    /** Nothing remembered and nothing kept: for probes run outside a run, as in tests. */
    RefusalMemory NONE = new RefusalMemory() {
        @Override
        public Optional<String> refusedIn(UccxCredentials credentials) {
            return Optional.empty();
        }

        @Override
        public void remember(UccxCredentials credentials, String runId) {
            // kept nowhere
        }
    };
}
