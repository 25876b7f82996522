package uccx.compliance.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.facts.AccountToken;
import uccx.compliance.collector.facts.OrganizationPermission;
import uccx.compliance.controls.AccessCheck;

/** IMAP-04's right weighed as Windows' access check weighs the organization object's entries. */
class AccessCheckTest {

    private static final String RIGHT = OrganizationPermission.VIEW_INFORMATION_STORE_STATUS;
    private static final AccountToken TOKEN = new AccountToken("LAB\\uccx-email", List.of(
            new AccountToken.Identity("account", "S-1-5-21-1-2-3-1105", "LAB\\uccx-email"),
            new AccountToken.Identity("group", "S-1-5-21-1-2-3-513", "LAB\\Domain Users"),
            new AccountToken.Identity("group", "S-1-5-21-1-2-3-4001", "LAB\\UCCX Readers"),
            new AccountToken.Identity("group", "S-1-5-21-1-2-3-4002", ""),
            new AccountToken.Identity("group", "S-1-1-0", "Everyone")));

    private static OrganizationPermission allow(String user, boolean inherited, String access, String... rights) {
        return new OrganizationPermission(user, List.of(rights), access, false, inherited);
    }

    private static OrganizationPermission deny(String user, boolean inherited, String access, String... rights) {
        return new OrganizationPermission(user, List.of(rights), access, true, inherited);
    }

    private static AccessCheck check(OrganizationPermission... entries) {
        return AccessCheck.of(RIGHT, List.of(entries), TOKEN);
    }

    @Test
    void aRightGrantedToAGroupOfTheAccountCounts() {
        AccessCheck check = check(allow("LAB\\UCCX Readers", false, "ExtendedRight", RIGHT));
        assertThat(check.allowed()).isTrue();
        assertThat(check.explain()).contains("explicit Allow for LAB\\UCCX Readers", "a group of LAB\\uccx-email");
    }

    @Test
    void aGroupTheAccountIsNotInDoesNotCount() {
        AccessCheck check = check(allow("LAB\\Helpdesk", false, "ExtendedRight", RIGHT));
        assertThat(check.allowed()).isFalse();
        assertThat(check.deciding()).isEmpty();
        assertThat(check.explain()).contains("no entry for LAB\\uccx-email or any of its groups");
    }

    @Test
    void genericAllAndExtendedRightWithoutASpecificRightGrantEveryExtendedRight() {
        assertThat(check(allow("LAB\\uccx-email", false, "GenericAll")).allowed()).isTrue();
        assertThat(check(allow("LAB\\uccx-email", true, "ExtendedRight")).allowed()).isTrue();
        // ReadProperty alone grants no extended right, and a different extended right is not this one.
        assertThat(check(allow("LAB\\uccx-email", false, "ReadProperty")).allowed()).isFalse();
        // An array of rights prints joined by spaces, one value's flags by ", ".
        assertThat(check(allow("LAB\\uccx-email", false, "ReadProperty GenericAll")).allowed()).isTrue();
        assertThat(check(allow("LAB\\uccx-email", false, "ReadProperty, ExtendedRight")).allowed()).isTrue();
        assertThat(check(allow("LAB\\uccx-email", false, "ExtendedRight", "Receive-As")).allowed()).isFalse();
    }

    @Test
    void anExplicitAllowBeatsAnInheritedDeny() {
        AccessCheck check = check(deny("Everyone", true, "ExtendedRight", RIGHT), allow("LAB\\uccx-email", false, "ExtendedRight", RIGHT));
        assertThat(check.allowed()).isTrue();
        assertThat(check.deciding()).map(OrganizationPermission::user).contains("LAB\\uccx-email");
    }

    @Test
    void anExplicitDenyToAGroupBeatsAnExplicitAllowToTheAccount() {
        AccessCheck check = check(allow("LAB\\uccx-email", false, "ExtendedRight", RIGHT), deny("LAB\\UCCX Readers", false, "GenericAll"));
        assertThat(check.allowed()).isFalse();
        assertThat(check.explain()).startsWith("DENIED by the explicit Deny for LAB\\UCCX Readers: GenericAll");
    }

    @Test
    void anInheritedDenyBeatsAnInheritedAllow() {
        AccessCheck check = check(allow("LAB\\uccx-email", true, "ExtendedRight", RIGHT), deny("Everyone", true, "ExtendedRight"));
        assertThat(check.allowed()).isFalse();
        assertThat(check.deciding()).map(OrganizationPermission::user).contains("Everyone");
    }

    @Test
    void aTrusteeShownAsASidMatchesTheTokensSidAndLetterCaseDoesNotMatter() {
        assertThat(check(allow("S-1-5-21-1-2-3-4002", false, "ExtendedRight", RIGHT)).allowed()).isTrue();
        assertThat(check(allow("lab\\UCCX-EMAIL", false, "extendedright", "MS-EXCH-STORE-VISIBLE")).allowed()).isTrue();
        assertThat(check(allow("LAB\\uccx-email", false, "ExtendedRight", OrganizationPermission.VIEW_INFORMATION_STORE_STATUS_GUID))
                .allowed()).isTrue();
    }
}
