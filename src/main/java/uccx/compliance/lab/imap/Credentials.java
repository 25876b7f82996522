package uccx.compliance.lab.imap;

import java.util.List;
import java.util.Optional;

/**
 * The one account the lab mailbox accepts, under every name Exchange accepts for it
 * (domain-qualified, bare, or as a UPN). The first name is the account's
 * identity: per-user limits count the account, not the spelling a client logged in with.
 */
public record Credentials(List<String> accountNames, String password) {

    public Credentials {
        accountNames = List.copyOf(accountNames);
        if (accountNames.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one name");
        }
    }

    /** The account's identity if {@code name} and {@code secret} are right. */
    Optional<String> authenticate(String name, String secret) {
        boolean known = accountNames.stream().anyMatch(n -> n.equalsIgnoreCase(name));
        return known && password.equals(secret) ? Optional.of(accountNames.get(0)) : Optional.empty();
    }
}
