package uccx.compliance.pipeline;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.codehaus.groovy.control.CompilerConfiguration;

/** The project's Jenkinsfile, compiled as Groovy and run against a {@link PipelineRecorder}. */
final class Jenkinsfile {

    private final Path file;

    Jenkinsfile(Path file) {
        this.file = file;
    }

    static Jenkinsfile ofProject() {
        return new Jenkinsfile(Path.of(System.getProperty("uccx.projectDir", ".")).resolve("Jenkinsfile"));
    }

    /** Compiles it: a syntax error fails here, as Jenkins would fail before the first stage. */
    Script parse() throws IOException {
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.setScriptBaseClass(JenkinsfileScript.class.getName());
        return new GroovyShell(getClass().getClassLoader(), configuration).parse(file.toFile());
    }

    /**
     * Runs it once, as a build with these parameters on agents whose workspace is {@code workspace}.
     */
    PipelineRecorder run(Path workspace, Map<String, Object> params) throws IOException {
        PipelineRecorder recorder = new PipelineRecorder(workspace, params);
        Script script = parse();
        Binding binding = new Binding();
        binding.setVariable(JenkinsfileScript.RECORDER, recorder);
        script.setBinding(binding);
        script.run();
        return recorder;
    }
}
