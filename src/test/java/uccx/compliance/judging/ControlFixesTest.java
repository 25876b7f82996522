package uccx.compliance.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.collector.facts.OrganizationPermission;
import uccx.compliance.collector.facts.ThrottlingPolicy;
import uccx.compliance.controls.AccessCheck;
import uccx.compliance.controls.Checklist;
import uccx.compliance.controls.Control;
import uccx.compliance.controls.EffectivePolicy;
import uccx.compliance.controls.Finding;
import uccx.compliance.controls.OrganizationPermissions;
import uccx.compliance.controls.SettingViolation;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.EnvironmentLoader;

/** Each control's fix, as its declaration writes it: for exactly the target and the settings found violated. */
class ControlFixesTest {

    private static final Environment LAB = new EnvironmentLoader().loadWithoutSecrets("lab", Path.of("").toAbsolutePath(), Map.of());
    private static final Checklist CHECKLIST = Checklist.of(LAB);

    private static Finding finding(String target, List<SettingViolation> violations, Object... judged) {
        return new Finding(target, violations, List.of(judged), LAB);
    }

    @Test
    void imapLimitsSetOnlyTheViolatedSettingsOnThatServerAndRestartItsImap4Service() {
        String fix = Control.IMAP_01.fix(finding("EXCH02", List.of(SettingViolation.below(CHECKLIST.maxConnections(), 2000))));

        assertThat(fix.lines()).containsExactly(
                "Set-ImapSettings -Server EXCH02 -MaxConnections " + CHECKLIST.maxConnections().minimum(),
                "# the IMAP4 service reads its settings at start:",
                "Get-Service MSExchangeIMAP4 -ComputerName EXCH02 | Restart-Service");
    }

    @Test
    void storeSessionsAreWrittenAtTheThresholdInEffectNotAtTheValueFound() {
        String fix = Control.IMAP_02.fix(finding("EXCH03", List.of(SettingViolation.below(CHECKLIST.maxServiceSessionsPerUser(), 16))));

        assertThat(fix).startsWith("reg add \"\\\\EXCH03\\HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem\"")
                .contains("/t REG_DWORD /d " + CHECKLIST.maxServiceSessionsPerUser().minimum() + " /f")
                .endsWith("Get-Service MSExchangeIS -ComputerName EXCH03 | Restart-Service");
    }

    @Test
    void budgetsAreUnlimitedInTheDedicatedPolicyNeverInTheDefaultOne() {
        List<SettingViolation> violated = List.of(new SettingViolation("IMAPMaxConcurrency", "$null (unlimited)", "20", Optional.empty()));
        ThrottlingPolicy defaultPolicy = new ThrottlingPolicy("DefaultThrottlingPolicy_5f3a", true, Map.of());
        ThrottlingPolicy dedicated = new ThrottlingPolicy("UCCX-Email", false, Map.of());

        assertThat(Control.THR_02.fix(finding("uccx", violated, new EffectivePolicy(dedicated, true))))
                .isEqualTo("Set-ThrottlingPolicy -Identity 'UCCX-Email' -IMAPMaxConcurrency $null");
        assertThat(Control.THR_02.fix(finding("uccx", violated, new EffectivePolicy(defaultPolicy, false))))
                .contains("do not unlimit it for everyone").doesNotContain("DefaultThrottlingPolicy_5f3a")
                .endsWith("Set-ThrottlingPolicy -Identity '" + Checklist.DEDICATED_POLICY + "' -IMAPMaxConcurrency $null");
    }

    @Test
    void aDedicatedPolicyIsAssignedToTheMailboxByItsAddress() {
        Mailbox mailbox = new Mailbox("uccx-email@lab.example.com", "uccx-email", "/o=LAB/cn=uccx-email", Optional.empty());

        assertThat(Control.THR_01.fix(finding("uccx-email", List.of(), mailbox)))
                .contains("Set-Mailbox -Identity 'uccx-email@lab.example.com' -ThrottlingPolicy '" + Checklist.DEDICATED_POLICY + "'");
    }

    @Test
    void anExplicitDenyThatDecidesIsRemovedBeforeTheRightIsGranted() {
        OrganizationPermission deny = new OrganizationPermission("LAB\\Contractors", List.of("ms-Exch-Store-Visible"), "ExtendedRight",
                true, false);
        OrganizationPermissions permissions = new OrganizationPermissions("LAB\\uccx-email",
                OrganizationPermission.VIEW_INFORMATION_STORE_STATUS, 1, new AccessCheck(false, Optional.of(deny), "LAB\\Contractors"));

        assertThat(Control.IMAP_04.fix(finding("LAB\\uccx-email", List.of(), permissions)).lines()).containsExactly(
                "# the explicit Deny for 'LAB\\Contractors' decides; removing it may also restore other rights it denies:",
                "Get-OrganizationConfig | Remove-ADPermission -User 'LAB\\Contractors' -ExtendedRights ms-Exch-Store-Visible -Deny",
                "Get-OrganizationConfig | Add-ADPermission -User 'LAB\\uccx-email' -ExtendedRights 'View Information Store status'");
    }

    @Test
    void aFixThatNeedsWhatItsControlDidNotJudgeSaysSoInsteadOfGuessing() {
        assertThatThrownBy(() -> Control.EXC_01.fix(finding("EXCH01", List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ExchangeServer");
    }
}
