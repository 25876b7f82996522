package uccx.compliance.controls;

import java.util.Optional;

/** IMAP-04: the UCCX account's permissions on the organization object. */
public class OrganizationPermissionsAssert extends DomainAssert<OrganizationPermissionsAssert, OrganizationPermissions> {

    public OrganizationPermissionsAssert(OrganizationPermissions actual) {
        super(actual, OrganizationPermissionsAssert.class);
    }

    /** Held as Windows' access check decides it (see {@link AccessCheck}); the message names the entry that decided. */
    public OrganizationPermissionsAssert allows(String shownAs) {
        isNotNull();
        AccessCheck check = actual.check();
        String expected = "allowed (" + actual.right() + ")";
        if (!check.allowed()) {
            String found = check.explain() + (check.deciding().isPresent() ? ""
                    : " (" + (actual.entries() == 0 ? "no entry on the organization can decide it"
                    : actual.entries() + " entries can decide it, none for the account or its groups") + ")");
            throw new SettingViolation(shownAs, expected, found, Optional.empty());
        }
        return complies(shownAs, expected, check.explain());
    }
}
