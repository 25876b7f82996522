package uccx.compliance.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uccx.compliance.controls.Control;
import uccx.compliance.controls.Finding;
import uccx.compliance.controls.SettingViolation;
import uccx.compliance.controls.SettingsInEffect;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.EnvironmentLoader;

/** SVC-01's and SVC-02's fixes: only the steps for what was found, with each restart's impact. */
class ServiceFixesTest {

    private static final Environment LAB = new EnvironmentLoader().loadWithoutSecrets("lab", Path.of("").toAbsolutePath(), Map.of());

    private static Finding finding(String target, String... settings) {
        return new Finding(target, java.util.Arrays.stream(settings)
                .map(s -> new SettingViolation(s, "x", "y", Optional.empty())).toList(), List.of(), LAB);
    }

    @Test
    void aManualStoppedImapServiceIsSetAutomaticThenStarted() {
        assertThat(Control.SVC_01.fix(finding("EXCH02", "MSExchangeIMAP4 StartMode", "MSExchangeIMAP4 State")).lines()).containsExactly(
                "Set-Service MSExchangeIMAP4 -ComputerName EXCH02 -StartupType Automatic",
                "Get-Service MSExchangeIMAP4 -ComputerName EXCH02 | Start-Service");
    }

    @Test
    void onlyWhatIsWrongIsFixed() {
        assertThat(Control.SVC_01.fix(finding("EXCH01", "MSExchangeIMAP4 StartMode")))
                .isEqualTo("Set-Service MSExchangeIMAP4 -ComputerName EXCH01 -StartupType Automatic");
        assertThat(Control.SVC_01.fix(finding("EXCH01", "MSExchangeIMAP4 State")))
                .isEqualTo("Get-Service MSExchangeIMAP4 -ComputerName EXCH01 | Start-Service");
    }

    @Test
    void eachRestartSaysWhatItCosts() {
        assertThat(Control.SVC_02.fix(finding("EXCH02", SettingsInEffect.IMAP_SETTING)))
                .contains("drops every open IMAP session", "Get-Service MSExchangeIMAP4 -ComputerName EXCH02 | Restart-Service")
                .doesNotContain("MSExchangeIS");
        assertThat(Control.SVC_02.fix(finding("EXCH01", SettingsInEffect.STORE_SETTING)))
                .contains("dismounts every database of EXCH01", "maintenance window", "Get-Service MSExchangeIS -ComputerName EXCH01 | Restart-Service")
                .doesNotContain("MSExchangeIMAP4");
    }
}
