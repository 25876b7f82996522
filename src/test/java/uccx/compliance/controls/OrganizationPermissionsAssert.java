package uccx.compliance.controls;

import java.util.List;
import java.util.Optional;
import uccx.compliance.collector.facts.OrganizationPermission;

/** IMAP-04: the UCCX account's permissions on the organization object. */
public class OrganizationPermissionsAssert extends DomainAssert<OrganizationPermissionsAssert, OrganizationPermissions> {

    public OrganizationPermissionsAssert(OrganizationPermissions actual) {
        super(actual, OrganizationPermissionsAssert.class);
    }

    /** Allowed by an entry and denied by none: a Deny entry wins over any Allow in Active Directory. */
    public OrganizationPermissionsAssert allows(String right, String shownAs) {
        isNotNull();
        List<OrganizationPermission> entries = actual.entries();
        boolean denied = entries.stream().anyMatch(e -> e.deny() && e.grants(right));
        boolean allowed = entries.stream().anyMatch(e -> !e.deny() && e.grants(right));
        if (denied) {
            throw new SettingViolation(shownAs, "allowed (" + right + ")", "DENIED to " + actual.account()
                    + " by a Deny entry, which overrides any Allow", Optional.empty());
        }
        if (!allowed) {
            throw new SettingViolation(shownAs, "allowed (" + right + ")", "not granted to " + actual.account() + " ("
                    + (entries.isEmpty() ? "no permission entry at all" : entries.size() + " entries, none with this right") + ")",
                    Optional.empty());
        }
        return complies(shownAs, "allowed (" + right + ")", "allowed to " + actual.account() + ", denied by no entry");
    }
}
