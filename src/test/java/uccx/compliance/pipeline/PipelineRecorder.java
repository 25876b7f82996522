package uccx.compliance.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MetaMethod;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * Runs a declarative Jenkinsfile without Jenkins, the way Jenkins runs it. Every step and directive
 * is recorded, and a closure argument runs with the recorder as its delegate, so what it calls is
 * recorded too. The verdict is the Jenkinsfile's own: this class decides nothing, it models the
 * steps the Jenkinsfile calls, as jenkins.io documents them:
 * <ul>
 * <li>a failing step ({@code error}, {@code sh}/{@code bat} with a non-zero exit, {@code readJSON}
 * of a missing file, a step the {@link Agent} fails) ends its block; an uncaught failure fails its
 * stage and the build, later stages are skipped ("skipped due to earlier failure"), {@code post}
 * still runs (Pipeline Syntax, "post", "stages");</li>
 * <li>{@code unstable} marks the stage and the build UNSTABLE and goes on; {@code catchError} catches
 * a failure and sets buildResult (default FAILURE) and stageResult (default SUCCESS) (Pipeline Basic
 * Steps);</li>
 * <li>{@code fileExists}, {@code readFile}, {@code writeFile}, {@code readJSON}, {@code readYaml}, {@code dir},
 * {@code deleteDir} work on the agent's real workspace folder; {@code isUnix}, {@code sh} and
 * {@code bat} ask the {@link Agent}: {@code sh} fails on Windows and {@code bat} elsewhere;</li>
 * <li>{@code withCredentials}, {@code withEnv} set variables for their body only (a {@code certificate}
 * binding's key store is a file beside the workspace for that time); {@code lock}
 * refuses a resource this build already holds (Lockable Resources would wait for ever);</li>
 * <li>a {@code matrix} runs each cell with its axis values in env, its {@code when} deciding whether
 * the cell runs, its {@code post} after its stages.</li>
 * </ul>
 * A block it does not model ({@code parallel}, {@code input}) fails the test rather than pass
 * unmodelled.
 */
public final class PipelineRecorder extends GroovyObjectSupport {

    /** The post conditions modelled, in the order Jenkins runs them (Pipeline Syntax, "post"). */
    private static final List<String> POST_CONDITIONS = List.of("always", "failure", "success", "unstable", "unsuccessful", "cleanup");
    private static final Set<String> NOT_MODELLED = Set.of("parallel", "input");

    private final Agent agent;
    private final Map<String, Object> params;
    private final Map<String, Object> env = new LinkedHashMap<>();
    private final CurrentBuild currentBuild = new CurrentBuild();
    private final List<Step> steps = new ArrayList<>();
    private final Deque<Step> open = new ArrayDeque<>();
    private final Map<String, String> stageResults = new LinkedHashMap<>();
    private final Deque<String> stages = new ArrayDeque<>();
    private final List<String> messages = new ArrayList<>();
    private final Set<String> locks = new HashSet<>();
    private final JobArchives archives;
    /** What this build archived, by path relative to the workspace. */
    private final Map<String, byte[]> archived = new LinkedHashMap<>();
    /** The verdicts of the {@code expression}s of the {@code when} being decided. */
    private List<Boolean> conditions;
    private Script script;
    private Path directory;
    private boolean stageFailed;

    /**
     * @param jobName the job's full name, as {@code env.JOB_NAME}
     * @param params  the build parameters; empty as on a job's first build
     */
    PipelineRecorder(String jobName, Agent agent, Map<String, Object> params, JobArchives archives) {
        this.agent = agent;
        this.archives = archives;
        this.params = Map.copyOf(params);
        this.directory = agent.workspace();
        env.put("JOB_NAME", jobName);
    }

    /** The Jenkinsfile whose own methods (its verdict, its helpers) calls inside closures reach. */
    void runs(Script jenkinsfile) {
        this.script = jenkinsfile;
    }

    /** The files this build archived, by their path in the workspace. */
    Map<String, byte[]> archived() {
        return Map.copyOf(archived);
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    List<Step> steps(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).toList();
    }

    CurrentBuild currentBuild() {
        return currentBuild;
    }

    Map<String, Object> env() {
        return env;
    }

    Map<String, Object> params() {
        return params;
    }

    /** Each stage that started, with SUCCESS, UNSTABLE, FAILURE, or SKIPPED after an earlier failure. */
    Map<String, String> stageResults() {
        return Map.copyOf(stageResults);
    }

    /** The lines Jenkins prints for unstable and for each failure where it ends, in order. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    /** A failure outside any stage (before {@code pipeline}, in its agent): the build fails. */
    void failedOutsideStages(StepFailure failure) {
        messages.add(failure.getMessage());
        currentBuild.setResult("FAILURE");
    }

    @Override
    public Object getProperty(String name) {
        switch (name) {
            case "env":
                return env;
            case "params":
                return params;
            case "currentBuild":
                return currentBuild;
            default:
                // Jenkins resolves a bare name such as SITE from the environment
                if (env.containsKey(name)) {
                    return env.get(name);
                }
                throw new MissingPropertyException(name, getClass());
        }
    }

    @Override
    public Object invokeMethod(String name, Object args) {
        Object[] arguments = args instanceof Object[] array ? array : new Object[] {args};
        if (definedByTheJenkinsfile(name)) {
            return script.getMetaClass().invokeMethod(script, name, arguments);
        }
        if (NOT_MODELLED.contains(name)) {
            throw new UnsupportedOperationException(name + " is not modelled by PipelineRecorder: model it before the Jenkinsfile uses it");
        }
        Closure<?> body = arguments.length > 0 && arguments[arguments.length - 1] instanceof Closure<?> c ? c : null;
        Step step = new Step(name, plain(arguments), open.peek(), Map.copyOf(env));
        steps.add(step);
        if (agent.failingSteps().contains(name)) {
            throw new StepFailure(name + " failed on this agent");
        }
        try {
            return perform(step, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object perform(Step step, Closure<?> body) throws IOException {
        switch (step.name()) {
            case "pipeline":
                return pipeline(step, body);
            case "stage":
                return stage(step, body);
            case "matrix":
                return matrix(step, body);
            case "when":
                return when(step, body);
            case "expression":
                return expression(step, body);
            case "post":
                throw new IllegalStateException("post runs after its pipeline or stage, not where it is written");
            case "error":
                throw new StepFailure(String.valueOf(step.argument()));
            case "unstable":
                messages.add(String.valueOf(step.argument()));
                worsenStage("UNSTABLE");
                currentBuild.setResult("UNSTABLE");
                return null;
            case "catchError":
                return catchError(step, body);
            case "sh":
            case "bat":
                return shell(step);
            case "isUnix":
                return agent.unix();
            case "dir":
                return dir(step, body);
            case "deleteDir":
                deleteDirectory();
                return null;
            case "fileExists":
                return Files.exists(directory.resolve(String.valueOf(step.argument())));
            case "readFile":
                return readFile(String.valueOf(step.argument("file")));
            case "writeFile":
                Path file = directory.resolve(String.valueOf(step.argument("file")));
                Files.createDirectories(file.getParent());
                Files.writeString(file, String.valueOf(step.argument("text")), StandardCharsets.UTF_8);
                return null;
            case "readJSON":
                return new ObjectMapper().readValue(readFile(String.valueOf(step.argument("file"))), Map.class);
            case "readYaml":
                // Pipeline Utility Steps' readYaml gives maps, lists and scalars, as SnakeYAML reads them
                return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(readFile(String.valueOf(step.argument("file"))),
                        Object.class);
            case "withEnv":
                return withEnv(step, body, variables(step));
            case "withCredentials":
                return withCredentials(step, body);
            case "lock":
                return lock(step, body);
            case "archiveArtifacts":
                return archive(step);
            case "copyArtifacts":
                return copyArtifacts(step);
            default:
                if (body != null) {
                    run(step, body);
                }
                // what a step returns is what it was called with: string(...) inside withCredentials([...])
                return step;
        }
    }

    private boolean definedByTheJenkinsfile(String name) {
        if (script == null) {
            return false;
        }
        for (MetaMethod method : script.getMetaClass().respondsTo(script, name)) {
            if (method.getDeclaringClass().getTheClass() == script.getClass()) {
                return true;
            }
        }
        return false;
    }

    /** The directives first, then the stages, then post: as Jenkins runs a declarative pipeline. */
    private Object pipeline(Step pipeline, Closure<?> body) {
        Sections sections = Sections.of(body);
        open.push(pipeline);
        try {
            for (Sections.Section section : sections.all()) {
                if (!section.name().equals("post")) {
                    invokeMethod(section.name(), section.arguments());
                }
            }
            sections.named("post").ifPresent(post -> post(post, () -> currentBuild.getResult()));
        } finally {
            open.pop();
        }
        return null;
    }

    private Object stage(Step stage, Closure<?> body) {
        String name = String.valueOf(stage.arguments().get(0));
        if (stageFailed) {
            stageResults.put(name, "SKIPPED");
            return null;
        }
        Sections sections = Sections.of(body);
        stageResults.put(name, "SUCCESS");
        stages.push(name);
        open.push(stage);
        try {
            for (Sections.Section section : sections.all()) {
                if (!section.name().equals("post")) {
                    invokeMethod(section.name(), section.arguments());
                }
            }
        } catch (Skipped skipped) {
            // its when did not hold: no steps, no post
            stageResults.put(name, "SKIPPED");
            open.pop();
            stages.pop();
            return null;
        } catch (StepFailure failure) {
            failed(failure);
        }
        try {
            sections.named("post").ifPresent(post -> post(post, () -> stageResults.get(name)));
        } finally {
            open.pop();
            stages.pop();
        }
        return null;
    }

    /** Each cell runs its sections with its axis values in env; post after its stages. */
    private Object matrix(Step matrix, Closure<?> body) {
        MatrixDefinition definition = MatrixDefinition.of(body);
        // cells run in parallel: one cell's failure does not skip another's stages
        boolean failedBefore = stageFailed;
        boolean aCellFailed = false;
        for (Map<String, String> cell : definition.cells()) {
            stageFailed = false;
            env.putAll(cell);
            open.push(matrix);
            try {
                for (MatrixDefinition.Section section : definition.sections()) {
                    if (section.name().equals("post")) {
                        post(new Sections.Section("post", section.arguments()), () -> currentBuild.getResult());
                    } else {
                        invokeMethod(section.name(), section.arguments());
                    }
                }
            } catch (Skipped skipped) {
                // the cell's when did not hold: its stages and post do not run
            } finally {
                open.pop();
                cell.keySet().forEach(env::remove);
                aCellFailed |= stageFailed;
            }
        }
        stageFailed = failedBefore || aCellFailed;
        return null;
    }

    private Object when(Step when, Closure<?> body) {
        conditions = new ArrayList<>();
        try {
            run(when, body);
            if (conditions.contains(false)) {
                throw new Skipped();
            }
            return null;
        } finally {
            conditions = null;
        }
    }

    private Object expression(Step expression, Closure<?> body) {
        boolean holds = DefaultTypeTransformation.castToBoolean(run(expression, body));
        if (conditions != null) {
            conditions.add(holds);
        }
        return holds;
    }

    /** A when that did not hold: its stage or matrix cell is skipped. */
    private static final class Skipped extends RuntimeException {
        Skipped() {
            super(null, null, false, false);
        }
    }

    /** Each condition that holds runs; a failure ends its own condition only, and fails the build. */
    private void post(Sections.Section post, Supplier<String> result) {
        Step step = new Step("post", List.of(), open.peek(), Map.copyOf(env));
        steps.add(step);
        Sections conditions = Sections.of((Closure<?>) post.arguments()[0]);
        conditions.all().stream().filter(c -> !POST_CONDITIONS.contains(c.name())).findAny().ifPresent(c -> {
            throw new UnsupportedOperationException("post condition " + c.name() + " is not modelled");
        });
        open.push(step);
        try {
            for (String condition : POST_CONDITIONS) {
                String now = result.get() == null ? "SUCCESS" : result.get();
                boolean holds = switch (condition) {
                    case "failure" -> now.equals("FAILURE");
                    case "success" -> now.equals("SUCCESS");
                    case "unstable" -> now.equals("UNSTABLE");
                    case "unsuccessful" -> !now.equals("SUCCESS");
                    default -> true;
                };
                Sections.Section section = conditions.named(condition).orElse(null);
                if (holds && section != null) {
                    try {
                        invokeMethod(section.name(), section.arguments());
                    } catch (StepFailure failure) {
                        failed(failure);
                    }
                }
            }
        } finally {
            open.pop();
        }
    }

    private void failed(StepFailure failure) {
        messages.add(failure.getMessage());
        worsenStage("FAILURE");
        if (!stages.isEmpty()) {
            stageFailed = true;
        }
        currentBuild.setResult("FAILURE");
    }

    private void worsenStage(String result) {
        if (stages.isEmpty()) {
            return;
        }
        String stage = stages.peek();
        String before = stageResults.get(stage);
        if (before.equals("SUCCESS") || (before.equals("UNSTABLE") && result.equals("FAILURE"))) {
            stageResults.put(stage, result);
        }
    }

    private Object catchError(Step step, Closure<?> body) {
        try {
            return run(step, body);
        } catch (StepFailure failure) {
            Object message = step.argument("message");
            messages.add(message != null ? String.valueOf(message) : failure.getMessage());
            String buildResult = step.argument("buildResult") == null ? "FAILURE" : String.valueOf(step.argument("buildResult"));
            String stageResult = step.argument("stageResult") == null ? "SUCCESS" : String.valueOf(step.argument("stageResult"));
            currentBuild.setResult(buildResult);
            if (!stageResult.equals("SUCCESS")) {
                worsenStage(stageResult);
            }
            return null;
        }
    }

    private Object shell(Step step) throws IOException {
        boolean windowsShell = step.name().equals("bat");
        if (windowsShell == agent.unix()) {
            throw new StepFailure(step.name() + " cannot run on " + (agent.unix() ? "a Unix" : "a Windows") + " agent");
        }
        String command = String.valueOf(step.argument() != null ? step.argument() : step.argument("script"));
        int exit = agent.shell().run(step.name(), command, directory, Map.copyOf(env));
        if (exit != 0) {
            throw new StepFailure("script returned exit code " + exit);
        }
        return null;
    }

    private Object dir(Step step, Closure<?> body) {
        Path before = directory;
        directory = directory.resolve(String.valueOf(step.argument())).normalize();
        try {
            return run(step, body);
        } finally {
            directory = before;
        }
    }

    private void deleteDirectory() throws IOException {
        if (!directory.startsWith(agent.workspace())) {
            throw new IllegalStateException("deleteDir outside the workspace: " + directory);
        }
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private String readFile(String name) throws IOException {
        try {
            return Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            // readFile and readJSON fail their step on a missing file
            throw new StepFailure(name + " does not exist");
        }
    }

    private Object withEnv(Step step, Closure<?> body, Map<String, Object> variables) {
        Map<String, Object> before = new LinkedHashMap<>(env);
        env.putAll(variables);
        try {
            return run(step, body);
        } finally {
            env.clear();
            env.putAll(before);
        }
    }

    private static Map<String, Object> variables(Step withEnv) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Object assignment : (List<?>) withEnv.arguments().get(0)) {
            String[] pair = String.valueOf(assignment).split("=", 2);
            variables.put(pair[0], pair[1]);
        }
        return variables;
    }

    /**
     * Each bound variable holds a stand-in secret naming its credential, never a real one. A
     * {@code certificate} binding writes a stand-in key store where CertificateMultiBinding writes
     * the real one ({@code <workspace>@tmp/secretFiles/<random>/}, UnbindableDir in
     * jenkinsci/credentials-binding-plugin), gives its path in keystoreVariable and the password in
     * passwordVariable, and deletes it when the block ends.
     */
    private Object withCredentials(Step step, Closure<?> body) throws IOException {
        Map<String, Object> variables = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (Object binding : (List<?>) step.arguments().get(0)) {
            Step credential = (Step) binding;
            String id = String.valueOf(credential.argument("credentialsId"));
            if (credential.name().equals("certificate")) {
                Path secrets = agent.workspace().resolveSibling(agent.workspace().getFileName() + "@tmp").resolve("secretFiles")
                        .resolve(java.util.UUID.randomUUID().toString());
                Path keyStore = Files.createDirectories(secrets).resolve("keystore-" + credential.argument("keystoreVariable"));
                Files.writeString(keyStore, "key store of " + id);
                files.add(secrets);
                variables.put(String.valueOf(credential.argument("keystoreVariable")), keyStore.toString());
                variables.put(String.valueOf(credential.argument("passwordVariable")), "secret of " + id);
            } else {
                variables.put(String.valueOf(credential.argument("variable")), "secret of " + id);
            }
        }
        try {
            return withEnv(step, body, variables);
        } finally {
            for (Path secrets : files) {
                try (Stream<Path> tree = Files.walk(secrets)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
                // the plugin keeps @tmp/secretFiles; the model leaves nothing beside the test's temporary workspace
                for (Path parent = secrets.getParent(); !parent.equals(agent.workspace().getParent()); parent = parent.getParent()) {
                    try (Stream<Path> left = Files.list(parent)) {
                        if (left.findAny().isPresent()) {
                            break;
                        }
                    }
                    Files.delete(parent);
                }
            }
        }
    }

    /**
     * Keeps the workspace files the comma-separated patterns match; none is a failure unless
     * allowEmptyArchive (Pipeline Basic Steps, archiveArtifacts). Globs stand in for Ant patterns.
     */
    private Object archive(Step step) throws IOException {
        List<java.nio.file.PathMatcher> patterns = java.util.Arrays.stream(String.valueOf(step.argument("artifacts")).split(","))
                .map(String::trim).map(p -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
        Path workspace = agent.workspace();
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = workspace.relativize(file);
                if (patterns.stream().anyMatch(m -> m.matches(relative))) {
                    archived.put(relative.toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        }
        if (archived.isEmpty() && !Boolean.TRUE.equals(step.argument("allowEmptyArchive"))) {
            throw new StepFailure("No artifacts found that match the file pattern \"" + step.argument("artifacts") + "\"");
        }
        return null;
    }

    /**
     * Copy Artifact from an earlier build of this same job (the only case modelled), as
     * CopyArtifact.perform does it (jenkinsci/copyartifact-plugin): the job must name itself in
     * copyArtifactPermission (else "Unable to find project"); no build the selector accepts, or no
     * file the filter matches, fails the step unless optional; the files land under target, with
     * their archived paths.
     */
    private Object copyArtifacts(Step step) throws IOException {
        String project = String.valueOf(step.argument("projectName"));
        String job = String.valueOf(env.get("JOB_NAME"));
        if (!project.equals(job)) {
            throw new UnsupportedOperationException("copyArtifacts from another job (" + project + ") is not modelled");
        }
        boolean permitted = steps("copyArtifactPermission").stream().map(p -> String.valueOf(p.argument()))
                .flatMap(names -> java.util.Arrays.stream(names.split(","))).map(String::trim)
                .anyMatch(name -> name.equals("/" + job) || name.equals(job.substring(job.lastIndexOf('/') + 1)));
        if (!permitted) {
            throw new StepFailure("Unable to find project for artifact copy: " + project);
        }
        boolean optional = Boolean.TRUE.equals(step.argument("optional"));
        Object selector = step.argument("selector");
        String selectorName = selector instanceof Step s ? s.name() : "lastSuccessful";
        Map<String, byte[]> build = archives.selected(selectorName).orElse(null);
        if (build == null) {
            if (optional) {
                return null;
            }
            throw new StepFailure("Unable to find a build for artifact copy from: " + project);
        }
        String filter = step.argument("filter") == null ? "**" : String.valueOf(step.argument("filter"));
        java.nio.file.PathMatcher matcher = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + filter);
        Path target = directory.resolve(step.argument("target") == null ? "" : String.valueOf(step.argument("target")));
        boolean copied = false;
        for (Map.Entry<String, byte[]> file : build.entrySet()) {
            if (matcher.matches(Path.of(file.getKey()))) {
                Path to = target.resolve(file.getKey());
                Files.createDirectories(to.getParent());
                Files.write(to, file.getValue());
                copied = true;
            }
        }
        if (!copied && !optional) {
            throw new StepFailure("Failed to copy artifacts from " + project + " with filter: " + filter);
        }
        return null;
    }

    private Object lock(Step step, Closure<?> body) {
        String resource = String.valueOf(step.argument("resource") != null ? step.argument("resource") : step.argument());
        if (!locks.add(resource)) {
            throw new IllegalStateException("lock " + resource + " taken twice by one build: Jenkins would wait for ever");
        }
        try {
            return run(step, body);
        } finally {
            locks.remove(resource);
        }
    }

    private Object run(Step step, Closure<?> body) {
        Closure<?> bound = body.rehydrate(this, body.getOwner(), body.getThisObject());
        bound.setResolveStrategy(Closure.DELEGATE_FIRST);
        open.push(step);
        try {
            return bound.call();
        } finally {
            open.pop();
        }
    }

    /** Arguments as assertions compare them: GStrings as strings, closures left out. */
    private static List<Object> plain(Object[] arguments) {
        List<Object> values = new ArrayList<>();
        for (Object a : arguments) {
            if (!(a instanceof Closure<?>)) {
                values.add(plain(a));
            }
        }
        return values;
    }

    private static Object plain(Object value) {
        if (value instanceof GString g) {
            return g.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(plain(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PipelineRecorder::plain).toList();
        }
        return value;
    }
}
