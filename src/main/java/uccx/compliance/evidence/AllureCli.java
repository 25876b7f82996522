package uccx.compliance.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Allure command line (the {@code allure-commandline} zip unpacked by the build), run in its
 * own JVM: its Jackson, Logback and Freemarker must not meet ours on one classpath.
 *
 * @param home the unpacked distribution, with {@code lib/}, {@code config/} and {@code plugins/}
 */
public record AllureCli(Path home) {

    private static final String MAIN_CLASS = "io.qameta.allure.CommandLine";
    private static final long TIMEOUT_SECONDS = 300;

    /** Why this home cannot generate a report, or empty when it can. */
    public java.util.Optional<String> whatIsMissing() {
        Path jar = home.resolve("lib");
        try (var jars = Files.list(jar)) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith("allure-commandline-"))
                    ? java.util.Optional.empty()
                    : java.util.Optional.of("no allure-commandline jar in " + jar);
        } catch (IOException e) {
            return java.util.Optional.of("no Allure command line at " + home + " (mvn generate-test-resources unpacks it)");
        }
    }

    /**
     * Generates a report from the results folders into {@code output}, replacing what was there.
     *
     * @param singleFile one self-contained {@code output/index.html} instead of a site
     * @param reportName the report's title
     * @throws IOException when the command line fails; the message carries its last error line
     */
    public void generate(Path results, Path output, boolean singleFile, String reportName) throws IOException {
        // --name (ReportNameOptions of allure-commandline 2.34): the title of the Overview's summary widget,
        // the first words a reader sees when the report opens
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", home.resolve("lib") + "/*" + java.io.File.pathSeparator + home.resolve("lib/config"),
                MAIN_CLASS, "--quiet", "generate", "--clean", "--name", reportName, "--output", output.toString()));
        if (singleFile) {
            command.add("--single-file");
        }
        command.add(results.toString());
        // Its output goes to a file: a full pipe could block it, and the build log wants one line from us, not its chatter.
        Path log = Files.createTempFile("allure-cli", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            // Its bin script passes the home this way: without it the plugins (behaviors, packages) and config/ are not read.
            builder.environment().put("APP_HOME", home.toString());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the Allure command line did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0 || !Files.exists(output.resolve("index.html"))) {
                throw new IOException("the Allure command line exited " + process.exitValue() + ": " + lastLine(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the Allure command line ran", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("at ")).toList();
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    }
}
