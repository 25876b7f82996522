package uccx.compliance.environment;

import java.util.List;

/**
 * An environment file that cannot be used, with everything wrong with it: one line per error,
 * {@code <file>:<line>: <key path>: <problem>}, so that one run shows every fix to make. Never
 * holds a secret's value.
 */
public class EnvironmentException extends RuntimeException {

    private final List<String> errors;

    public EnvironmentException(List<String> errors) {
        super(String.join("\n", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an EnvironmentException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** One line per error, in the order of the file. */
    public List<String> errors() {
        return errors;
    }
}
