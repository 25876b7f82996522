package uccx.compliance.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uccx.compliance.collector.RemoteCommand;
import uccx.compliance.collector.shell.ManagementShell;
import uccx.compliance.collector.shell.ShellException;
import uccx.compliance.collector.shell.ShellOutput;
import uccx.compliance.collector.shell.WinRmSettings;
import uccx.compliance.collector.shell.WinRmShell;
import uccx.compliance.tls.Trust;

/** The lab as a whole, over real WinRM on loopback: fresh credentials, counting, and what it refuses. */
class LabTest {

    private final Lab lab = Lab.start(new LabState(List.of(), List.of(), List.of(), List.of(), List.of(),
            new LabState.Faults(0, List.of())), Clock.systemUTC());

    @AfterEach
    void stop() {
        lab.close();
    }

    private ManagementShell shell(String password) {
        return new WinRmShell(new WinRmSettings(lab.host(), lab.winRmPort(), false, lab.username(), password, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Trust.jvmDefault()));
    }

    @Test
    void makesFreshCredentialsForEachRun() {
        try (Lab other = Lab.start(new LabState(List.of(), List.of(), List.of(), List.of(), List.of(), new LabState.Faults(0, List.of())),
                Clock.systemUTC())) {
            assertThat(other.password()).isNotEqualTo(lab.password()).hasSizeGreaterThanOrEqualTo(20);
            assertThat(other.winRmPort()).isNotEqualTo(lab.winRmPort());
            assertThat(other.toString()).doesNotContain(other.password());
        }
    }

    @Test
    void aCommandThatIsNotTheCollectorsPowerShellIsAnsweredAsCmdExeWouldAndRecordedAsAViolation() throws ShellException {
        try (ManagementShell shell = shell(lab.password())) {
            ShellOutput output = shell.run(new RemoteCommand("ipconfig /all", List.of()));
            assertThat(output.exitCode()).isEqualTo(1);
            assertThat(output.stderr()).contains("'ipconfig' is not recognized");
        }
        assertThat(lab.commandsReceived()).isEqualTo(1);
        assertThat(lab.violations()).singleElement().asString().contains("not powershell.exe");
    }

    @Test
    void aWrongPasswordIsOneFailedLoginAndNoCommand() {
        try (ManagementShell shell = shell("not-the-password")) {
            assertThatThrownBy(() -> shell.run(new RemoteCommand("powershell.exe -NoProfile", List.of())))
                    .isInstanceOf(ShellException.class).hasMessageNotContaining("not-the-password");
        }
        assertThat(lab.failedAuthentications()).isEqualTo(1);
        assertThat(lab.commandsReceived()).isZero();
    }
}
