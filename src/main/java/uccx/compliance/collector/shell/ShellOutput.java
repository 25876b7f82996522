package uccx.compliance.collector.shell;

import java.time.Duration;

/** What one remote command wrote and how it ended. */
public record ShellOutput(String stdout, String stderr, int exitCode, Duration elapsed) {
}
