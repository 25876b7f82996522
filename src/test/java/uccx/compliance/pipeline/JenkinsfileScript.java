package uccx.compliance.pipeline;

import groovy.lang.Script;

/**
 * The base class the Jenkinsfile is compiled with: its top-level {@code pipeline} block is a call
 * the script does not define, and goes to the recorder like every step inside it.
 */
public abstract class JenkinsfileScript extends Script {

    static final String RECORDER = "pipelineRecorder";

    @Override
    public Object invokeMethod(String name, Object args) {
        return ((PipelineRecorder) getBinding().getVariable(RECORDER)).invokeMethod(name, args);
    }
}
