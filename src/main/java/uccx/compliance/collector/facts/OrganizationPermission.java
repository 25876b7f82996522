package uccx.compliance.collector.facts;

import java.util.List;

/** One entry of {@code Get-OrganizationConfig | Get-ADPermission}: an ACE of the organization object. */
public record OrganizationPermission(String user, List<String> extendedRights, String accessRights, boolean deny, boolean inherited) {

    /** How {@code Get-ADPermission} shows "View Information Store status". */
    public static final String VIEW_INFORMATION_STORE_STATUS = "ms-Exch-Store-Visible";
    public static final String VIEW_INFORMATION_STORE_STATUS_GUID = "d74a875e-22b9-11d3-aa62-00c04f8eedd8";

    public OrganizationPermission {
        extendedRights = List.copyOf(extendedRights);
    }

    /**
     * Whether this entry, allowing or denying, decides {@code right} for its trustee: it names the
     * right, or it holds GenericAll (every right, extended ones included: ADS_RIGHT_GENERIC_ALL), or
     * ExtendedRight with no specific right (an ACE without an object type controls every control
     * access right, MS-ADTS 5.1.3.2.1).
     */
    public boolean decides(String right) {
        return hasAccessRight("GenericAll") || (extendedRights.isEmpty() && hasAccessRight("ExtendedRight")) || grants(right);
    }

    /**
     * Whether AccessRights holds one flag. The script writes {@code [string]$_.AccessRights}: one
     * ActiveDirectoryRights value prints its flags joined by ", ", an array of them is joined by spaces.
     */
    public boolean hasAccessRight(String name) {
        return java.util.Arrays.stream(accessRights.split("[,\\s]+")).anyMatch(r -> r.equalsIgnoreCase(name));
    }

    /** The entry in the words an auditor reads: "inherited Allow for LAB\UCCX Readers: ExtendedRight ms-Exch-Store-Visible". */
    public String describe() {
        return (inherited ? "inherited " : "explicit ") + (deny ? "Deny" : "Allow") + " for " + user + ": "
                + (accessRights.isBlank() ? "" : accessRights) + (extendedRights.isEmpty() ? "" : " " + String.join(", ", extendedRights));
    }

    public boolean grants(String right) {
        return extendedRights.stream().anyMatch(r -> r.equalsIgnoreCase(right)
                || (right.equals(VIEW_INFORMATION_STORE_STATUS) && r.equalsIgnoreCase(VIEW_INFORMATION_STORE_STATUS_GUID)));
    }
}
