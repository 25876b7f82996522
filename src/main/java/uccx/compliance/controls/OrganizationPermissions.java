package uccx.compliance.controls;

import java.util.List;
import uccx.compliance.collector.facts.AccountToken;
import uccx.compliance.collector.facts.OrganizationPermission;

/**
 * The entries on the organization object that can decide a right, and who the account is to
 * Windows: its own SID and its groups'.
 */
public record OrganizationPermissions(String account, List<OrganizationPermission> entries, AccountToken token) {
}
