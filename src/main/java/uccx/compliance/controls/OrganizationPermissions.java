package uccx.compliance.controls;

import java.util.List;
import uccx.compliance.collector.facts.AccountToken;
import uccx.compliance.collector.facts.OrganizationPermission;

/**
 * One right on the organization object, weighed once for the account: how many entries could
 * decide it, and what Windows' access check makes of them (the assertion and the fix both read it).
 */
public record OrganizationPermissions(String account, String right, int entries, AccessCheck check) {

    /** Weighs the entries that can decide {@code right} for the account and the groups of its token. */
    public static OrganizationPermissions weigh(String right, List<OrganizationPermission> entries, AccountToken token) {
        return new OrganizationPermissions(token.account(), right, entries.size(), AccessCheck.of(right, entries, token));
    }
}
