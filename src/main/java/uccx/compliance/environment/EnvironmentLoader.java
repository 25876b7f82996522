package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates an environment file before anything connects. Every error of the file is
 * collected and reported at once, each naming the file, the line and the key; a file is either
 * wholly valid or refused.
 */
public final class EnvironmentLoader {

    private final YamlReader reader = new YamlReader();
    private final SchemaCheck schema = new SchemaCheck();

    /**
     * @param envArgument {@code -Denv}'s value: a name ({@code prod} reads {@code environments/prod.yaml})
     *                    or a path ending {@code .yaml}/{@code .yml}, relative to the project directory unless absolute
     * @param projectDir  the project's directory
     * @param variables   the process environment ({@code System.getenv()}), which ${VAR} references are read from
     * @throws EnvironmentException listing every error; no secret in it
     */
    public Environment load(String envArgument, Path projectDir, Map<String, String> variables) {
        return load(envArgument, projectDir, variables, true);
    }

    private Environment load(String envArgument, Path projectDir, Map<String, String> variables, boolean openSigningKey) {
        Path project = projectDir.toAbsolutePath().normalize();
        Path file = locate(envArgument, project);
        String shown = shown(file, project);
        String text = read(file, shown);

        YamlReader.Result parsed = reader.read(text);
        List<Problem> problems = new ArrayList<>(parsed.problems());
        if (parsed.tree().isEmpty()) {
            throw refused(shown, problems);
        }
        YamlTree tree = parsed.tree().get();
        // Nothing is resolved into the tree: a secret's value is read only by the Binder, into a Secret.
        JsonNode document = tree.root().deepCopy();
        List<Problem> shapeAndRules = new ArrayList<>(schema.check(document, tree));
        shapeAndRules.addAll(Rules.check(document, tree, project));
        problems.addAll(OneLinePerMistake.of(References.check(tree, variables), shapeAndRules));
        if (!problems.isEmpty()) {
            throw refused(shown, problems);
        }
        Environment environment = new Binder(project, variables).bind(file, document);
        if (openSigningKey && environment.signing().isPresent()) {
            signingKeyProblem(environment.signing().get(), tree).ifPresent(p -> {
                throw refused(shown, List.of(p));
            });
        }
        return environment;
    }

    /**
     * The signing key is opened now, with its password, so that a key the run could not sign with
     * (or a signature nobody could verify) stops the run before anything connects.
     */
    private static Optional<Problem> signingKeyProblem(EvidenceSigning signing, YamlTree tree) {
        try {
            SigningKeys.open(signing, java.time.Instant.now());
            return Optional.empty();
        } catch (SigningKeys.Refused refused) {
            KeyPath signingPath = KeyPath.root().key("evidence").key("signing");
            KeyPath at = signingPath.key(refused.key());
            int line = tree.at(at).isMissingNode() ? tree.lineOf(signingPath.key("keyStore")) : tree.lineOf(at);
            return Optional.of(new Problem(line, at, refused.getMessage()));
        }
    }

    /**
     * The environment for work that needs no secret, such as exporting the collector script for an
     * air-gapped site: a {@code ${VAR}} that is not set reads as a placeholder that never leaves
     * the process, instead of being an error. Everything else is validated as by {@link #load}.
     */
    public Environment loadWithoutSecrets(String envArgument, Path projectDir, Map<String, String> variables) {
        Path file = locate(envArgument, projectDir);
        Map<String, String> withPlaceholders = new java.util.HashMap<>(variables);
        java.util.regex.Matcher references = java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}")
                .matcher(read(file, shown(file, projectDir.toAbsolutePath().normalize())));
        while (references.find()) {
            withPlaceholders.putIfAbsent(references.group(1), "not-needed-to-export-the-collector-script");
        }
        // the signing key is not opened: exporting the script signs nothing
        return load(envArgument, projectDir, withPlaceholders, false);
    }

    /**
     * The file an {@code -Denv} value names.
     *
     * @throws EnvironmentException when it names no readable file
     */
    public Path locate(String envArgument, Path projectDir) {
        Path project = projectDir.toAbsolutePath().normalize();
        String arg = envArgument == null ? "" : envArgument.strip();
        if (arg.isEmpty()) {
            throw new EnvironmentException(List.of("-Denv: is empty; give an environment name ("
                    + String.join(", ", available(project)) + ") or a path to a .yaml file"));
        }
        Path file;
        String lower = arg.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                file = project.resolve(arg).toAbsolutePath().normalize();
            } else if (arg.contains("/") || arg.contains("\\")) {
                throw new EnvironmentException(List.of("-Denv=" + arg + ": a path must end in .yaml or .yml; a name is"
                        + " one of " + String.join(", ", available(project))));
            } else {
                file = project.resolve("environments").resolve(arg + ".yaml");
            }
        } catch (InvalidPathException e) {
            throw new EnvironmentException(List.of("-Denv=" + arg + ": not a file path: " + e.getReason()));
        }
        if (!Files.isRegularFile(file)) {
            List<String> names = available(project);
            throw new EnvironmentException(List.of(shown(file, project) + ": -Denv=" + arg + ": no such file"
                    + (names.isEmpty() ? "" : "; environments here: " + String.join(", ", names))));
        }
        return file;
    }

    /** The file as a message shows it: relative to the project when inside it, so that lines read like the README. */
    static String shown(Path file, Path projectDir) {
        Path p = file.startsWith(projectDir) ? projectDir.relativize(file) : file;
        return p.toString().replace('\\', '/');
    }

    private static String read(Path file, String shown) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new EnvironmentException(List.of(shown + ": is not UTF-8 text; save it as UTF-8"));
        } catch (IOException e) {
            throw new EnvironmentException(List.of(shown + ": cannot be read: " + e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(m -> " " + m).orElse("")));
        }
    }

    private static EnvironmentException refused(String shown, List<Problem> problems) {
        Set<String> lines = new LinkedHashSet<>();
        problems.stream()
                .sorted(Comparator.comparingInt(Problem::line))
                .forEach(p -> lines.add(p.format(shown)));
        return new EnvironmentException(new ArrayList<>(lines));
    }

    /** The environment names {@code environments/} offers, for a message about a wrong one. */
    private static List<String> available(Path project) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(project.resolve("environments"), "*.yaml")) {
            files.forEach(f -> names.add(f.getFileName().toString().replaceFirst("\\.yaml$", "")));
        } catch (IOException | RuntimeException noDirectory) {
            return names;
        }
        names.sort(null);
        return names;
    }
}
