package uccx.compliance.pipeline;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.codehaus.groovy.control.CompilerConfiguration;

/** A Jenkinsfile, compiled as Groovy and run as one build against a {@link PipelineRecorder}. */
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

    /** Runs it once, as a build of the job {@code jobName} on {@code agent}, with no parameters. */
    PipelineRecorder run(String jobName, Agent agent) throws IOException {
        return run(jobName, agent, Map.of());
    }

    PipelineRecorder run(String jobName, Agent agent, Map<String, Object> params) throws IOException {
        PipelineRecorder recorder = new PipelineRecorder(jobName, agent, params);
        Script script = parse();
        Binding binding = new Binding();
        binding.setVariable(JenkinsfileScript.RECORDER, recorder);
        // what the Jenkinsfile reads outside any closure, before pipeline {}
        binding.setVariable("env", recorder.env());
        binding.setVariable("params", recorder.params());
        binding.setVariable("currentBuild", recorder.currentBuild());
        script.setBinding(binding);
        recorder.runs(script);
        try {
            script.run();
        } catch (StepFailure failure) {
            recorder.failedOutsideStages(failure);
        }
        return recorder;
    }
}
