package uccx.compliance.evidence;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import java.util.Map;
import uccx.compliance.controls.Control;
import uccx.compliance.controls.FindingsReport;

/**
 * Writes one control result's evidence into the Allure report, while its test runs: its name,
 * the checklist section it is grouped under, its parameters and documentation links, its
 * description and the files a control's findings attach.
 */
public final class ResultEvidence implements FindingsReport {

    private ResultEvidence() {
    }

    /**
     * Names the running test for the control and target it judges, and shows the parameters (in
     * order: environment, target, Exchange version) and the control's documentation; what it then
     * finds is attached through the returned report.
     */
    public static ResultEvidence start(Control control, String target, Map<String, String> parameters) {
        // Allure would prefix a parameterized test's name with its Java signature; an auditor reads the control.
        Allure.getLifecycle().updateTestCase(test -> {
            test.setName(control.on(target));
            // The Suites tab groups by the checklist's sections, not by Java classes.
            test.getLabels().removeIf(l -> l.getName().equals("suite") || l.getName().equals("parentSuite")
                    || l.getName().equals("subSuite"));
            test.getLabels().add(new Label().setName("suite").setValue(control.section().suite()));
        });
        // Story, feature and severity come from the control's declaration, not from annotations typed beside the test.
        Allure.label("controlId", control.id());
        Allure.story(control.id() + " " + control.title());
        Allure.feature(control.section().feature());
        Allure.label("severity", control.severity().label());
        parameters.forEach(Allure::parameter);
        control.docs().forEach(doc -> Allure.link(doc.name(), doc.url()));
        return new ResultEvidence();
    }

    @Override
    public void attach(Attachment attachment) {
        Allure.addAttachment(attachment.title(), attachment.mimeType(), attachment.content(), attachment.extension());
    }

    @Override
    public void describe(String html) {
        Allure.descriptionHtml(html);
    }
}
