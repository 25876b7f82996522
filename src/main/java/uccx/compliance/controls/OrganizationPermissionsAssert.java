package uccx.compliance.controls;

import java.util.Optional;

/** IMAP-04: the UCCX account's permissions on the organization object. */
public class OrganizationPermissionsAssert extends DomainAssert<OrganizationPermissionsAssert, OrganizationPermissions> {

    public OrganizationPermissionsAssert(OrganizationPermissions actual) {
        super(actual, OrganizationPermissionsAssert.class);
    }

    /** Held as Windows' access check decides it (see {@link AccessCheck}); the message names the entry that decided. */
    public OrganizationPermissionsAssert allows(String right, String shownAs) {
        isNotNull();
        AccessCheck check = AccessCheck.of(right, actual.entries(), actual.token());
        String expected = "allowed (" + right + ")";
        if (!check.allowed()) {
            String found = check.explain() + (check.deciding().isPresent() ? ""
                    : " (" + (actual.entries().isEmpty() ? "no entry on the organization can decide it"
                    : actual.entries().size() + " entries can decide it, none for the account or its groups") + ")");
            throw new SettingViolation(shownAs, expected, found, Optional.empty());
        }
        return complies(shownAs, expected, check.explain());
    }
}
