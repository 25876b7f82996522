package uccx.compliance.collector.facts;

import java.util.List;

/** One entry of {@code Get-OrganizationConfig | Get-ADPermission -User <account>}. */
public record OrganizationPermission(String user, List<String> extendedRights, String accessRights, boolean deny, boolean inherited) {

    /** How {@code Get-ADPermission} shows "View Information Store status". */
    public static final String VIEW_INFORMATION_STORE_STATUS = "ms-Exch-Store-Visible";
    public static final String VIEW_INFORMATION_STORE_STATUS_GUID = "d74a875e-22b9-11d3-aa62-00c04f8eedd8";

    public OrganizationPermission {
        extendedRights = List.copyOf(extendedRights);
    }

    public boolean grants(String right) {
        return extendedRights.stream().anyMatch(r -> r.equalsIgnoreCase(right)
                || (right.equals(VIEW_INFORMATION_STORE_STATUS) && r.equalsIgnoreCase(VIEW_INFORMATION_STORE_STATUS_GUID)));
    }
}
