package uccx.compliance.collector.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Win32_Process CreationDate as WMI writes it (CIM_DATETIME: local time, then the offset from UTC in minutes). */
class WindowsServiceTest {

    @Test
    void aCimDateTimeIsLocalTimeWithItsOffsetInMinutes() {
        assertThat(WindowsService.parseCimDateTime("20261201054800.123456+060"))
                .contains(Instant.parse("2026-12-01T04:48:00.123456Z"));
        assertThat(WindowsService.parseCimDateTime("20261201054800.000000-300"))
                .contains(Instant.parse("2026-12-01T10:48:00Z"));
        assertThat(WindowsService.parseCimDateTime("20261201054800.000000+000"))
                .contains(Instant.parse("2026-12-01T05:48:00Z"));
    }

    @Test
    void noTimeIsEmptyAndAnythingElseIsRefusedNotGuessed() {
        assertThat(WindowsService.parseCimDateTime("")).isEmpty();
        assertThat(WindowsService.parseCimDateTime(null)).isEmpty();
        assertThatThrownBy(() -> WindowsService.parseCimDateTime("12/01/2026 05:48:00")).hasMessageContaining("CIM_DATETIME");
    }

    @Test
    void startModeAndStateAreWin32ServicesWords() {
        WindowsService manual = new WindowsService("EXCH01", "MSExchangeIMAP4", "Manual", "Stopped", 0, Optional.empty());
        assertThat(manual.startsAutomatically()).isFalse();
        assertThat(manual.isRunning()).isFalse();
        WindowsService auto = new WindowsService("EXCH01", "MSExchangeIMAP4", "Auto", "Running", 4312, Optional.empty());
        assertThat(auto.startsAutomatically()).isTrue();
        assertThat(auto.isRunning()).isTrue();
    }
}
