package uccx.compliance.pipeline;

import java.nio.file.Path;
import java.util.Set;

/**
 * The agent a build runs on, as far as the Jenkinsfile can tell: its workspace, whether
 * {@code isUnix()} holds, what its shell does, and which steps fail there (a plugin that throws,
 * such as an Allure commandline that cannot generate the report).
 */
record Agent(Path workspace, boolean unix, Shell shell, Set<String> failingSteps) {

    static Agent linux(Path workspace, Shell shell) {
        return new Agent(workspace, true, shell, Set.of());
    }

    static Agent windows(Path workspace, Shell shell) {
        return new Agent(workspace, false, shell, Set.of());
    }

    Agent failing(String... steps) {
        return new Agent(workspace, unix, shell, Set.of(steps));
    }
}
