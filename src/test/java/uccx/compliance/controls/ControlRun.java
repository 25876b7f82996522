package uccx.compliance.controls;

import io.qameta.allure.Allure;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.TestAbortedException;
import uccx.compliance.collector.RawRecords;
import uccx.compliance.environment.Waiver;

/**
 * One control test invocation: it names the control and target it judges, so the run summary
 * and the report can list the outcome per control and target.
 */
public final class ControlRun {

    /**
     * What every result of the run shows as parameters.
     *
     * @param environment     the environment file's name
     * @param exchangeVersion the version the environment file declares, as EXC-01 judges it
     */
    record RunParameters(String environment, String exchangeVersion) {
    }

    private static final java.util.Map<String, String> SUITES = java.util.Map.of("scope", "Scope: Exchange version",
            "imap", "IMAP (checklist IMAP 1-4)", "smtp", "SMTP receive connectors (checklist SMTP 1-2)",
            "throttling", "Client throttling (checklist)", "live", "Live probes: what Exchange does for the UCCX account");

    private final List<Waiver> waivers;
    private final LocalDate today;
    private final WaiverLog log;
    private final RunParameters parameters;
    private final Supplier<RawRecords> rawRecords;
    private ControlFindings findings;

    ControlRun(List<Waiver> waivers, LocalDate today, WaiverLog log, RunParameters parameters, Supplier<RawRecords> rawRecords) {
        this.waivers = List.copyOf(waivers);
        this.today = today;
        this.log = log;
        this.parameters = parameters;
        this.rawRecords = rawRecords;
    }

    /**
     * Starts judging a control on a target; call it first in every control test. A valid waiver for
     * them ends the test here as skipped ("waived"); an expired one is noted and changes nothing.
     */
    public ControlFindings check(Control control, String target) {
        findings = new ControlFindings(control, target, rawRecords);
        // Allure would prefix a parameterized test's name with its Java signature; an auditor reads the control.
        Allure.getLifecycle().updateTestCase(test -> {
            test.setName(control.id() + " " + control.title() + " · " + target);
            // The Suites tab groups by the checklist's sections, not by Java classes.
            test.getLabels().removeIf(l -> l.getName().equals("suite") || l.getName().equals("parentSuite")
                    || l.getName().equals("subSuite"));
            test.getLabels().add(new io.qameta.allure.model.Label().setName("suite").setValue(SUITES.get(control.section())));
        });
        Allure.label("controlId", control.id());
        Allure.parameter("environment", parameters.environment());
        Allure.parameter("target", target);
        Allure.parameter("Exchange version", parameters.exchangeVersion());
        // Written now so that a result which never reaches its verdict (could not verify, waived) still explains itself.
        Allure.descriptionHtml(ResultDescription.html(control, findings.settings()));
        ControlDescription.of(control).docs().forEach(doc -> Allure.link(doc.name(), doc.url()));
        for (Waiver waiver : waivers) {
            if (waiver.covers(control.id(), target)) {
                if (waiver.isValidOn(today)) {
                    log.applied(waiver, target);
                    Allure.addAttachment("Waiver", "text/plain", waiver.describe());
                    throw new TestAbortedException("waived: " + waiver.describe());
                }
                log.expired(waiver, target);
                findings.observe("the waiver " + waiver.describe() + " has EXPIRED and no longer applies");
            }
        }
        return findings;
    }

    ControlFindings findings() {
        return findings;
    }
}
