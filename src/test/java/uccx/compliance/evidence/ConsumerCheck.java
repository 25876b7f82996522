package uccx.compliance.evidence;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractAssert;

/**
 * A check a consumer of the evidence runs in a shell, run here exactly so: the command line the
 * README gives, in the run folder, with what it printed and its exit code. A tool that is missing
 * fails the test naming the package that brings it: the self-test's prerequisites install it.
 */
record ConsumerCheck(String command, int exit, String output) {

    private static final long TIMEOUT_SECONDS = 60;

    /** @param commandLine a README command, words separated by single spaces (none of its words holds a space) */
    static ConsumerCheck run(Path folder, String commandLine) throws IOException, InterruptedException {
        List<String> words = new ArrayList<>(List.of(commandLine.split(" ")));
        words.set(0, installed(words.get(0)).toString());
        Process process = new ProcessBuilder(words).directory(folder.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] printed = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(commandLine + " did not end within " + TIMEOUT_SECONDS + " s");
        }
        return new ConsumerCheck(commandLine, process.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }

    /** The tool on PATH, as a shell finds it; missing: a failure naming the Debian package, never a skipped test. */
    private static Path installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String pkg = tool.equals("sha256sum") ? "coreutils" : tool;
        throw new AssertionError(tool + " is not installed, and this test runs it as a consumer of the evidence does:"
                + " apt-get install -y " + pkg + " (src/test/prerequisites/system-packages.sh installs it for -Pself-test)");
    }

    static Assert assertThat(ConsumerCheck check) {
        return new Assert(check);
    }

    /** What the consumer sees: the exit code, and the line OpenSSL prints. */
    static final class Assert extends AbstractAssert<Assert, ConsumerCheck> {

        Assert(ConsumerCheck actual) {
            super(actual, Assert.class);
        }

        Assert succeeds() {
            isNotNull();
            if (actual.exit() != 0) {
                failWithMessage("expected <%s> to exit 0, it exited %d printing:%n%s", actual.command(), actual.exit(), actual.output());
            }
            return this;
        }

        Assert fails() {
            isNotNull();
            if (actual.exit() == 0) {
                failWithMessage("expected <%s> to fail, it exited 0 printing:%n%s", actual.command(), actual.output());
            }
            return this;
        }

        Assert prints(String text) {
            isNotNull();
            if (!actual.output().contains(text)) {
                failWithMessage("expected <%s> to print <%s>, it printed (exit %d):%n%s", actual.command(), text, actual.exit(), actual.output());
            }
            return this;
        }
    }
}
