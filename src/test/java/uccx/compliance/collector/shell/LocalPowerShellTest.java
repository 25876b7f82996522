package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.condition.OS.WINDOWS;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import uccx.compliance.collector.RemoteCommand;

/** The local transport with harmless shell commands standing in for powershell.exe. */
@DisabledOnOs(value = WINDOWS, disabledReason = "the commands are POSIX shell")
class LocalPowerShellTest {

    @Test
    void inputLinesArriveInOrderAndOutputStderrAndExitCodeComeBack() throws ShellException {
        try (LocalPowerShell shell = new LocalPowerShell(Duration.ofSeconds(5), StandardCharsets.UTF_8)) {
            ShellOutput output = shell.run(new RemoteCommand(
                    "read a; read b; printf '%s|%s' \"$a\" \"$b\" | tr -d '\\r'; echo oops >&2; exit 3", List.of("first", "second")));

            assertThat(output.stdout()).isEqualTo("first|second");
            assertThat(output.stderr()).isEqualTo("oops\n");
            assertThat(output.exitCode()).isEqualTo(3);
        }
    }

    @Test
    void theCommandLineIsPassedAsWritten() throws ShellException {
        try (LocalPowerShell shell = new LocalPowerShell(Duration.ofSeconds(5), StandardCharsets.UTF_8)) {
            assertThat(shell.run(new RemoteCommand("echo 'two  spaces' \"and a quote\"", List.of())).stdout())
                    .isEqualTo("two  spaces and a quote\n");
        }
    }

    @Test
    void aCommandThatDoesNotEndFailsWithinTheReadTimeout() {
        long started = System.nanoTime();
        try (LocalPowerShell shell = new LocalPowerShell(Duration.ofMillis(300), StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> shell.run(new RemoteCommand("sleep 30", List.of())))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("local /bin/sh: the command did not end within 0.3 s (read timeout)");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aTimedOutCommandIsEndedWithEverythingItStarted() {
        try (LocalPowerShell shell = new LocalPowerShell(Duration.ofMillis(300), StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> shell.run(new RemoteCommand("sleep 31; echo never", List.of()))).isInstanceOf(ShellException.class);
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> ProcessHandle.allProcesses()
                .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 31")));
    }

    @Test
    void aLargeOutputOnBothStreamsDoesNotStall() throws ShellException {
        try (LocalPowerShell shell = new LocalPowerShell(Duration.ofSeconds(5), StandardCharsets.UTF_8)) {
            ShellOutput output = shell.run(new RemoteCommand("head -c 300000 /dev/zero | tr '\\0' e >&2; head -c 300000 /dev/zero | tr '\\0' o", List.of()));

            assertThat(output.stdout()).hasSize(300_000);
            assertThat(output.stderr()).hasSize(300_000);
        }
    }
}
