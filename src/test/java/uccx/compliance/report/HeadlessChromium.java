package uccx.compliance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code chromium} without a display, to look at a report as its reader's browser shows it:
 * the page after its scripts ran, as HTML and as a picture.
 */
final class HeadlessChromium {

    /** Set by the self-test profile: there a missing Chromium fails the test instead of skipping it. */
    static final String REQUIRED_PROPERTY = "report.browser.required";

    private static final long TIMEOUT_SECONDS = 90;
    // Allure's page renders from script after load; virtual time lets it finish without a fixed sleep.
    private static final String SCRIPT_BUDGET_MILLIS = "20000";

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The browser on the PATH (chromium, as Debian names it), or why there is none. */
    static Optional<HeadlessChromium> onPath(List<String> missing) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new HeadlessChromium(candidate));
                }
            }
        }
        missing.add("chromium on the PATH (apt-get install chromium; -Pself-test installs it first, src/test/prerequisites/system-packages.sh)");
        return Optional.empty();
    }

    /** The page's DOM once its scripts ran. */
    String dumpDom(String url) throws IOException {
        return run(List.of("--dump-dom", url));
    }

    /** A picture of the page as a reader sees it in a browser window of that size. */
    void screenshot(String url, Path png, int width, int height) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars", url));
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private String run(List<String> arguments) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
                "--virtual-time-budget=" + SCRIPT_BUDGET_MILLIS));
        command.addAll(arguments);
        try {
            // Both streams go to files: chromium is chatty on stderr (D-Bus) and a full pipe would block it.
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("chromium did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("chromium exited " + process.exitValue() + ": " + Files.readString(stderr, StandardCharsets.UTF_8).strip());
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while chromium ran", e);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // a scratch profile in the temp folder: a file chromium still held is not worth failing the test for
        }
    }
}
