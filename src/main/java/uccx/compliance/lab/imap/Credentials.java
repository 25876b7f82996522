package uccx.compliance.lab.imap;

import java.util.List;
import java.util.Optional;

/**
 * The one account the lab mailbox accepts, under every name Exchange accepts for it
 * (domain-qualified, bare, or as a UPN). The first name is the account's
 * identity: per-user limits count the account, not the spelling a client logged in with.
 *
 * @param accountUsable false for an account its directory refuses (disabled, locked out, its password expired)
 */
public record Credentials(List<String> accountNames, String password, boolean accountUsable) {

    /** An account that may log in. */
    public Credentials(List<String> accountNames, String password) {
        this(accountNames, password, true);
    }

    public Credentials {
        accountNames = List.copyOf(accountNames);
        if (accountNames.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one name");
        }
    }

    /** The account's identity if {@code name} and {@code secret} are right. */
    Optional<String> authenticate(String name, String secret) {
        boolean known = accountNames.stream().anyMatch(n -> n.equalsIgnoreCase(name));
        // A disabled, locked-out or expired account is refused with the right password too, and Exchange answers it as it
        // answers a wrong one ('NO AUTHENTICATE failed.'): the directory refuses the logon, the IMAP4 service does not say why.
        return known && accountUsable && password.equals(secret) ? Optional.of(accountNames.get(0)) : Optional.empty();
    }
}
