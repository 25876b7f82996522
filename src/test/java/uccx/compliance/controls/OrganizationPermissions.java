package uccx.compliance.controls;

import java.util.List;
import uccx.compliance.collector.facts.OrganizationPermission;

/** The permission entries one account holds on the organization object. */
public record OrganizationPermissions(String account, List<OrganizationPermission> entries) {
}
