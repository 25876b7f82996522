package uccx.compliance.run;

import uccx.compliance.environment.Waiver;
import uccx.compliance.evidence.RunSummary;

/** Where the run notes the waivers it applied and the expired ones it found, for the summary. */
final class WaiverLog {

    private final RunSummary summary;

    WaiverLog(RunSummary summary) {
        this.summary = summary;
    }

    void applied(Waiver waiver, String target) {
        summary.waiver(true, waiver.control(), target, waiver.describe());
    }

    void expired(Waiver waiver, String target) {
        summary.waiver(false, waiver.control(), target, waiver.describe());
    }
}
