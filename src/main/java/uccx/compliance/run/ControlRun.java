package uccx.compliance.run;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import uccx.compliance.collector.RawRecords;
import uccx.compliance.controls.Control;
import uccx.compliance.controls.ControlFindings;
import uccx.compliance.controls.FindingsReport;
import uccx.compliance.controls.ResultDescription;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.Waiver;
import uccx.compliance.evidence.ResultEvidence;

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

    private final Environment environment;
    private final List<Waiver> waivers;
    private final LocalDate today;
    private final WaiverLog log;
    private final TranscriptLog transcripts;
    private final RunParameters parameters;
    private final Supplier<RawRecords> rawRecords;
    private ControlFindings findings;

    ControlRun(Environment environment, LocalDate today, WaiverLog log, TranscriptLog transcripts, RunParameters parameters,
            Supplier<RawRecords> rawRecords) {
        this.environment = environment;
        this.waivers = List.copyOf(environment.waivers());
        this.today = today;
        this.log = log;
        this.transcripts = transcripts;
        this.parameters = parameters;
        this.rawRecords = rawRecords;
    }

    /**
     * Starts judging a control on a target; call it first in every control test. A valid waiver for
     * them ends the test here as skipped ("waived"); an expired one is noted and changes nothing.
     */
    public ControlFindings check(Control control, String target) {
        java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
        shown.put("environment", parameters.environment());
        shown.put("target", target);
        shown.put("Exchange version", parameters.exchangeVersion());
        ResultEvidence evidence = ResultEvidence.start(control, target, shown);
        findings = new ControlFindings(control, target, environment, rawRecords, transcripts.keeping(evidence, control.id(), target));
        // Written now so that a result which never reaches its verdict (could not verify, waived) still explains itself.
        evidence.describe(ResultDescription.html(control, findings.settings()));
        for (Waiver waiver : waivers) {
            if (waiver.covers(control.id(), target)) {
                if (waiver.isValidOn(today)) {
                    log.applied(waiver, target);
                    String renew = waiver.daysLeftToRenew(today).map(days -> "; RENEW IT: it expires in " + days + " day"
                            + (days == 1 ? "" : "s") + ", then this finding returns").orElse("");
                    evidence.attach(new FindingsReport.Attachment("Waiver", "text/plain", waiver.describe() + renew, ".txt"));
                    throw new Waived(waiver.describe() + renew);
                }
                log.expired(waiver, target);
                findings.note("the waiver " + waiver.describe() + " has EXPIRED and no longer applies");
            }
        }
        return findings;
    }

    ControlFindings findings() {
        return findings;
    }
}
