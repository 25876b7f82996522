package uccx.compliance.run;

import java.time.LocalDate;
import java.util.List;
import uccx.compliance.environment.Waiver;
import uccx.compliance.evidence.RunSummary;

/** Where the run notes the waivers it applied, the expired ones it found and those to renew soon, for the summary. */
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

    /**
     * Every waiver of the environment file that still holds on {@code today} and ends within
     * {@link Waiver#RENEWAL_DAYS}: one entry per waiver as written (its target empty when it covers every
     * target), whether or not a control it covers failed tonight; the board renews the waiver, not a result.
     */
    void expiringSoon(List<Waiver> waivers, LocalDate today) {
        for (Waiver waiver : waivers) {
            waiver.daysLeftToRenew(today).ifPresent(days -> summary.waiverExpiringSoon(waiver.control(), waiver.target(),
                    waiver.expires(), days, waiver.approvedBy(), waiver.ticket(), waiver.reason()));
        }
    }
}
