package uccx.compliance.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import groovy.lang.Closure;
import groovy.lang.GString;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingPropertyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * Runs a declarative Jenkinsfile without Jenkins. Every step and directive is recorded, and a
 * closure argument runs at once with the recorder as its delegate, so what it calls is recorded
 * too. Jenkins is imitated only where the verdict depends on it: matrix cells, {@code when},
 * {@code currentBuild}, and {@code fileExists}/{@code readJSON} reading a workspace folder.
 * Nothing fails here: {@code sh} is recorded, not run.
 */
public final class PipelineRecorder extends GroovyObjectSupport {

    private final Path workspace;
    private final Map<String, Object> params;
    private final Map<String, Object> env = new LinkedHashMap<>();
    private final CurrentBuild currentBuild = new CurrentBuild();
    private final List<Step> steps = new ArrayList<>();
    private final Deque<Step> open = new ArrayDeque<>();
    /** The verdicts of the {@code expression}s of the {@code when} being decided. */
    private List<Boolean> conditions;

    /**
     * @param workspace where fileExists and readJSON look, as the agent's workspace
     * @param params    the build parameters; empty as on a job's first build
     */
    PipelineRecorder(Path workspace, Map<String, Object> params) {
        this.workspace = workspace;
        this.params = Map.copyOf(params);
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
                // Jenkins resolves a bare name such as an axis from the environment
                if (env.containsKey(name)) {
                    return env.get(name);
                }
                // the declarative keywords of agent none and agent any
                if (name.equals("none") || name.equals("any")) {
                    return name;
                }
                throw new MissingPropertyException(name, getClass());
        }
    }

    @Override
    public Object invokeMethod(String name, Object args) {
        Object[] arguments = args instanceof Object[] array ? array : new Object[] {args};
        Closure<?> body = arguments.length > 0 && arguments[arguments.length - 1] instanceof Closure<?> c ? c : null;
        Step step = new Step(name, plain(arguments), open.peek(), Map.copyOf(env));
        steps.add(step);
        switch (name) {
            case "matrix":
                return matrix(step, body);
            case "stage":
                return stage(step, body);
            case "when":
                return when(step, body);
            case "expression":
                return expression(step, body);
            case "fileExists":
                return Files.exists(workspace.resolve(String.valueOf(step.argument())));
            case "readJSON":
                return readJson(String.valueOf(step.argument("file")));
            default:
                if (body != null) {
                    run(step, body);
                }
                // what a step returns is what it was called with: string(...) inside withCredentials([...])
                return step;
        }
    }

    /** Each cell of the matrix runs its sections in order, with its axis values in env. */
    private Object matrix(Step matrix, Closure<?> body) {
        MatrixDefinition definition = MatrixDefinition.of(body);
        for (Map<String, String> cell : definition.cells()) {
            env.putAll(cell);
            open.push(matrix);
            try {
                definition.sections().forEach(section -> invokeMethod(section.name(), section.arguments()));
            } catch (Skipped skipped) {
                // the cell's when did not hold: its stages and post do not run
            } finally {
                open.pop();
                cell.keySet().forEach(env::remove);
            }
        }
        return null;
    }

    private Object stage(Step stage, Closure<?> body) {
        try {
            return run(stage, body);
        } catch (Skipped skipped) {
            return null;
        }
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

    private Object readJson(String file) {
        try {
            return new ObjectMapper().readValue(workspace.resolve(file).toFile(), Map.class);
        } catch (IOException e) {
            // readJSON fails the build on a missing file too
            throw new UncheckedIOException("readJSON: " + file, e);
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

    /** A when that did not hold: its stage or matrix cell is skipped. */
    private static final class Skipped extends RuntimeException {
        Skipped() {
            super(null, null, false, false);
        }
    }
}
