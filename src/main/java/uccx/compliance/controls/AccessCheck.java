package uccx.compliance.controls;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import uccx.compliance.collector.facts.AccountToken;
import uccx.compliance.collector.facts.OrganizationPermission;

/**
 * Whether an account holds an extended right on the organization object, weighed as Windows'
 * access check weighs a DACL in canonical order ("Order of ACEs in a DACL", Microsoft
 * documentation): explicit Deny, explicit Allow, inherited Deny, inherited Allow; the first entry
 * that decides wins, so an explicit Allow beats an inherited Deny. An entry counts when its
 * trustee is the account or any SID of its logon token (its groups, nested ones, Everyone,
 * Authenticated Users). Get-ADPermission does not show how far up an inherited entry comes from,
 * so inherited entries are one tier each for Deny and Allow.
 *
 * @param allowed  whether the right is held
 * @param deciding the entry that decided, empty when no entry concerns the account
 * @param trustee  how the deciding entry reached the account, for example {@code LAB\UCCX Readers (a group of the account)}
 */
public record AccessCheck(boolean allowed, Optional<OrganizationPermission> deciding, String trustee) {

    private record Tier(boolean inherited, boolean deny) {
    }

    private static final List<Tier> CANONICAL = List.of(new Tier(false, true), new Tier(false, false), new Tier(true, true),
            new Tier(true, false));

    public static AccessCheck of(String right, List<OrganizationPermission> entries, AccountToken token) {
        Predicate<OrganizationPermission> concernsAccount = e -> token.matching(e.user()).isPresent();
        for (Tier tier : CANONICAL) {
            Optional<OrganizationPermission> decides = entries.stream()
                    .filter(e -> e.inherited() == tier.inherited() && e.deny() == tier.deny())
                    .filter(e -> e.decides(right)).filter(concernsAccount).findFirst();
            if (decides.isPresent()) {
                AccountToken.Identity who = token.matching(decides.get().user()).orElseThrow();
                String through = who.isAccount() ? who.name().isBlank() ? token.account() : who.name()
                        : decides.get().user() + " (a group of " + token.account() + ")";
                return new AccessCheck(!tier.deny(), decides, through);
            }
        }
        return new AccessCheck(false, Optional.empty(), token.account());
    }

    /** What decided, in one sentence. */
    public String explain() {
        return deciding.map(e -> (allowed ? "allowed" : "DENIED") + " by the " + e.describe().trim()
                        + (trustee.equals(e.user()) ? "" : ", which reaches the account as " + trustee))
                .orElse("not granted: no entry for " + trustee + " or any of its groups grants it");
    }
}
