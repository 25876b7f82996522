package uccx.compliance.controls;

import io.qameta.allure.Allure;

/**
 * One control test invocation: it names the control and target it judges, so the run summary
 * and the report can list the outcome per control and target.
 */
public final class ControlRun {

    private ControlFindings findings;

    /** Starts judging a control on a target; call it first in every control test. */
    public ControlFindings check(Control control, String target) {
        findings = new ControlFindings(control, target);
        // Allure would prefix a parameterized test's name with its Java signature; an auditor reads the control.
        Allure.getLifecycle().updateTestCase(test -> test.setName(control.id() + " " + control.title() + " · " + target));
        Allure.label("controlId", control.id());
        Allure.parameter("target", target);
        return findings;
    }

    ControlFindings findings() {
        return findings;
    }
}
