package uccx.compliance.pipeline;

import java.util.List;
import java.util.Map;

/**
 * One Jenkins step or declarative directive the Jenkinsfile called, with its arguments as plain
 * values (strings, not GStrings; closures left out), the step it ran inside and the environment
 * it saw.
 */
record Step(String name, List<Object> arguments, Step enclosing, Map<String, Object> env) {

    /** A named argument, as in {@code sh script: '...'} or {@code junit testResults: '...'}. */
    Object argument(String key) {
        return arguments.stream().filter(Map.class::isInstance).map(a -> ((Map<?, ?>) a).get(key))
                .filter(v -> v != null).findFirst().orElse(null);
    }

    /** The only positional argument, as in {@code sh '...'} or {@code cron('...')}. */
    Object argument() {
        return arguments.size() == 1 ? arguments.get(0) : null;
    }

    /** Short, for assertion messages: the enclosing steps would repeat the whole pipeline. */
    @Override
    public String toString() {
        return name + arguments + (env.isEmpty() ? "" : " " + env);
    }

    boolean isInside(String stepName) {
        for (Step s = enclosing; s != null; s = s.enclosing) {
            if (s.name.equals(stepName)) {
                return true;
            }
        }
        return false;
    }
}
