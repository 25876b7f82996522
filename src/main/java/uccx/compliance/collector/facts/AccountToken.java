package uccx.compliance.collector.facts;

import java.util.List;
import java.util.Locale;

/**
 * Who the UCCX account is to a Windows access check: the SIDs of a logon token built for it (its
 * own, and every enabled group's: nested and universal groups, Everyone, Authenticated Users),
 * with the names Windows translates them to where it can.
 */
public record AccountToken(String account, List<Identity> identities) {

    /** One SID of the token; {@code name} is empty when Windows could not translate it. */
    public record Identity(String kind, String sid, String name) {
        public boolean isAccount() {
            return kind.equalsIgnoreCase("account");
        }
    }

    public AccountToken {
        identities = List.copyOf(identities);
        if (identities.stream().noneMatch(Identity::isAccount)) {
            throw new IllegalArgumentException("the token of " + account + " has no SID for the account itself");
        }
    }

    /**
     * The identity an entry's trustee names, as Get-ADPermission shows it: an NT account name
     * ({@code LAB\UCCX Readers}, {@code Everyone}, {@code NT AUTHORITY\Authenticated Users}) or, for
     * a trustee it cannot resolve, a SID. Letter case does not matter to Windows.
     */
    public java.util.Optional<Identity> matching(String trustee) {
        String wanted = trustee.trim().toLowerCase(Locale.ROOT);
        return identities.stream().filter(i -> i.sid().toLowerCase(Locale.ROOT).equals(wanted)
                || (!i.name().isBlank() && i.name().toLowerCase(Locale.ROOT).equals(wanted))).findFirst();
    }
}
