package uccx.compliance.evidence;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import java.util.Map;
import uccx.compliance.controls.Control;
import uccx.compliance.controls.ControlDescription;
import uccx.compliance.controls.FindingsReport;

/**
 * Writes one control result's evidence into the Allure report, while its test runs: its name,
 * the checklist section it is grouped under, its parameters and documentation links, its
 * description and the files a control's findings attach.
 */
public final class ResultEvidence implements FindingsReport {

    /** The report's Suites tab groups results by the checklist's sections, not by Java classes. */
    private static final Map<String, String> SUITES = Map.of("scope", "Scope: Exchange version",
            "imap", "IMAP (checklist IMAP 1-4)", "smtp", "SMTP receive connectors (checklist SMTP 1-2)",
            "throttling", "Client throttling (checklist)", "live", "Live probes: what Exchange does for the UCCX account");

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
            test.setName(control.id() + " " + control.title() + " · " + target);
            test.getLabels().removeIf(l -> l.getName().equals("suite") || l.getName().equals("parentSuite")
                    || l.getName().equals("subSuite"));
            test.getLabels().add(new Label().setName("suite").setValue(SUITES.get(control.section())));
        });
        Allure.label("controlId", control.id());
        parameters.forEach(Allure::parameter);
        ControlDescription.of(control).docs().forEach(doc -> Allure.link(doc.name(), doc.url()));
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
