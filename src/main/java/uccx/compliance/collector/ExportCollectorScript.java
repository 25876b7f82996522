package uccx.compliance.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.EnvironmentException;
import uccx.compliance.environment.EnvironmentLoader;

/**
 * The air-gapped path's first step: writes {@code collect.ps1}, the collector script with one
 * site's parameters, exactly as a run would send it, without connecting anywhere and without any
 * secret (the script holds none). An admin runs it on the Exchange server and brings back its
 * output for {@code -Dsnapshot}.
 *
 * <p>The script goes to {@code reports/<name>/collect.ps1}, {@code <name>} being the environment
 * file's {@code name:} key, where the runs, the report and the evidence of that environment go
 * too; {@code -Denv} may be a name or a path to the file, the folder is the same.
 */
public final class ExportCollectorScript {

    public static final String FILE_NAME = "collect.ps1";

    private ExportCollectorScript() {
    }

    /** Arguments: the {@code -Denv} value, the project directory, the reports folder. Prints one line; no stack trace. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: ExportCollectorScript <env name or path.yaml> <project dir> <reports dir>");
            System.exit(2);
        }
        try {
            Path projectDir = Path.of(args[1]).toAbsolutePath().normalize();
            Environment environment = new EnvironmentLoader().loadWithoutSecrets(args[0], projectDir, System.getenv());
            Path out = export(environment, projectDir.resolve(args[2]));
            System.out.println("Wrote " + out + ": the collector script for " + environment.name()
                    + "; run it on the Exchange server as the README says and replay its output with -Dsnapshot");
        } catch (EnvironmentException e) {
            e.errors().forEach(System.err::println);
            System.exit(1);
        } catch (IOException e) {
            System.err.println("could not write " + FILE_NAME + " under " + args[2] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the environment's script into {@code <reports>/<name>/}; returns the file. */
    static Path export(Environment environment, Path reports) throws IOException {
        Path out = reports.resolve(environment.name()).resolve(FILE_NAME).toAbsolutePath().normalize();
        Files.createDirectories(out.getParent());
        Files.writeString(out, script(environment), StandardCharsets.UTF_8);
        return out;
    }

    /** The script a run of this environment would send, with Windows line endings for Notepad and PowerShell 2.0 alike. */
    static String script(Environment environment) {
        return CollectorScript.bundled().forScope(CollectionScope.of(environment)).replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
