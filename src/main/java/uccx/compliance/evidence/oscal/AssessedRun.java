package uccx.compliance.evidence.oscal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uccx.compliance.environment.Waiver;
import uccx.compliance.evidence.ControlResult;

/**
 * What one run tells OSCAL: which environment, when, with which suite, every control's outcome
 * per target (as {@code RunSummary.results()} has them) and the environment file's waivers.
 *
 * @param runId          the run folder's name, e.g. {@code 20261203T010942Z}
 * @param suiteVersion   the suite's version, {@code development} when built from a work tree
 * @param factsCollected when the collector's snapshot was taken, if the run collected one
 */
public record AssessedRun(String environment, String runId, Instant started, Instant finished, String suiteVersion,
        List<ControlResult> results, List<Waiver> waivers, Optional<Instant> factsCollected) {

    public AssessedRun {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(suiteVersion, "suiteVersion");
        results = List.copyOf(results);
        waivers = List.copyOf(waivers);
        Objects.requireNonNull(factsCollected, "factsCollected");
    }
}
