package uccx.compliance.probes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for one run, which credentials a server has refused. A wrong password tried again
 * can lock the account in Active Directory, so every probe asks here before it logs in. One
 * guard per run, passed to every probe; it is thread-safe because the capacity probe logs in
 * from many threads.
 */
public final class CredentialGuard {

    private final Set<UccxCredentials> failed = ConcurrentHashMap.newKeySet();

    /** Whether a server has refused these credentials earlier in this run. */
    public boolean hasFailed(UccxCredentials credentials) {
        return failed.contains(credentials);
    }

    /** Called when a server refused a first login: these credentials are not used again in this run. */
    public void markFailed(UccxCredentials credentials) {
        failed.add(credentials);
    }
}
