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
    /** Each job's completed builds, so that a later build of the same job can copy what an earlier one archived. */
    private final Map<String, JobArchives> jobs = new java.util.HashMap<>();

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
     * Runs it once, as a build of the job {@code jobName} on {@code agent}, with no parameters; a later
     * run of the same job is its next build.
     */
    PipelineRecorder run(String jobName, Agent agent) throws IOException {
        return run(jobName, agent, Map.of());
    }

    PipelineRecorder run(String jobName, Agent agent, Map<String, Object> params) throws IOException {
        JobArchives archives = jobs.computeIfAbsent(jobName, name -> new JobArchives());
        PipelineRecorder recorder = new PipelineRecorder(jobName, agent, params, archives);
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
        archives.completed(recorder.archived());
        return recorder;
    }
}
