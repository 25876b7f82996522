package uccx.compliance.collector;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code node check-script.mjs} from {@code src/test/powershell-grammar}: the tree-sitter
 * PowerShell grammar, which needs Node and that folder's {@code npm ci} (the {@code self-test}
 * profile runs it).
 */
final class PowerShellGrammar {

    /** Set by the self-test profile: there a missing Node or node_modules fails instead of skipping. */
    static final String REQUIRED_PROPERTY = "powershell.grammar.required";

    private static final long TIMEOUT_SECONDS = 60;

    private final Path toolDirectory;
    private final ObjectMapper json = new ObjectMapper();

    private PowerShellGrammar(Path toolDirectory) {
        this.toolDirectory = toolDirectory;
    }

    /** The check in this project, from Maven's base directory (surefire's working directory). */
    static PowerShellGrammar inProject() {
        return new PowerShellGrammar(Path.of("src", "test", "powershell-grammar").toAbsolutePath());
    }

    /** Why the check cannot run here, or an empty list when it can. */
    List<String> whatIsMissing() {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("tree-sitter", "tree-sitter-powershell")) {
            if (!Files.isRegularFile(toolDirectory.resolve("node_modules").resolve(module).resolve("package.json"))) {
                missing.add("node_modules/" + module + " in " + toolDirectory + " (run npm ci there, or mvn -Pself-test)");
            }
        }
        try {
            Result version = run(List.of("node", "--version"));
            if (version.exitCode() != 0) {
                missing.add("a working node: 'node --version' exited " + version.exitCode() + ": " + version.stderr());
            }
        } catch (IOException e) {
            missing.add("node on the PATH: " + e.getMessage());
        }
        return missing;
    }

    /** Parses one script; throws when the tool itself fails, never because the script has errors. */
    ScriptSyntax parse(Path script) throws IOException {
        Result result = run(List.of("node", "check-script.mjs", script.toAbsolutePath().toString()));
        if (result.exitCode() != 0) {
            throw new IOException("check-script.mjs exited " + result.exitCode() + " on " + script + ": " + result.stderr());
        }
        return json.readValue(result.stdout(), ScriptSyntax.class);
    }

    private Result run(List<String> command) throws IOException {
        // Both streams go to files, so a full pipe can never block the child and the wait below
        // is the only thing that takes time.
        Path stdout = Files.createTempFile("powershell-grammar", ".out");
        Path stderr = Files.createTempFile("powershell-grammar", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(toolDirectory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }
}
