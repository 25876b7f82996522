package uccx.compliance.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an {@code sh} or {@code bat} step does on the stand-in agent: a test plays the command (for
 * Maven, writes the reports a run would write) and answers its exit code.
 */
@FunctionalInterface
interface Shell {

    /** Nothing happens and the command succeeds. */
    Shell SUCCEEDS = (step, script, directory, env) -> 0;

    /**
     * @param step      {@code sh} or {@code bat}
     * @param directory the directory the step runs in (the workspace, or a {@code dir} inside it)
     * @param env       the variables the step sees, credentials included
     * @return the exit code; non-zero fails the step, as {@code sh} and {@code bat} do
     */
    int run(String step, String script, Path directory, Map<String, Object> env) throws IOException;
}
