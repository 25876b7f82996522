package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.condition.OS.WINDOWS;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import uccx.compliance.collector.RemoteCommand;

/** A command that writes without end is stopped at the output bound, long before its read timeout. */
@DisabledOnOs(value = WINDOWS, disabledReason = "the commands are POSIX shell")
class OutputBoundTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void endlessStdoutIsStoppedAtTheBoundNamingIt() {
        long started = System.nanoTime();
        try (LocalPowerShell shell = new LocalPowerShell(READ_TIMEOUT, StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> shell.run(new RemoteCommand("yes uccx-compliance", List.of())))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("local /bin/sh: the command wrote more than 32 MiB to stdout (the bound on one command's output);"
                            + " it was stopped and nothing it wrote was read");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(READ_TIMEOUT.dividedBy(2));
    }

    @Test
    void endlessStderrIsStoppedAtTheBoundNamingIt() {
        try (LocalPowerShell shell = new LocalPowerShell(READ_TIMEOUT, StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> shell.run(new RemoteCommand("yes uccx-compliance >&2", List.of())))
                    .isInstanceOf(ShellException.class)
                    .hasMessageContaining("more than 32 MiB to stderr");
        }
    }

    @Test
    void outputOfExactlyTheBoundIsRead() throws ShellException {
        try (LocalPowerShell shell = new LocalPowerShell(READ_TIMEOUT, StandardCharsets.UTF_8)) {
            ShellOutput output = shell.run(new RemoteCommand("head -c " + ProcessExchange.MAX_OUTPUT_BYTES + " /dev/zero", List.of()));

            assertThat(output.stdout()).hasSize(ProcessExchange.MAX_OUTPUT_BYTES);
        }
    }
}
