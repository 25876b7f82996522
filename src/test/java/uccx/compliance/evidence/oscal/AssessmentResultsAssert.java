package uccx.compliance.evidence.oscal;

import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.AssessmentResults;
import gov.nist.secauto.oscal.lib.model.Finding;
import gov.nist.secauto.oscal.lib.model.Observation;
import gov.nist.secauto.oscal.lib.model.Property;
import gov.nist.secauto.oscal.lib.model.Result;
import gov.nist.secauto.oscal.lib.model.Risk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on an assessment-results.json as a GRC tool reads it: loaded by liboscal-java's own
 * deserializer, then looked at through the OSCAL model (results, observations, findings, risks).
 */
public final class AssessmentResultsAssert extends AbstractAssert<AssessmentResultsAssert, AssessmentResults> {

    private AssessmentResultsAssert(AssessmentResults actual) {
        super(actual, AssessmentResultsAssert.class);
    }

    public static AssessmentResults load(Path file) {
        try {
            return OscalBindingContext.instance().loadAssessmentResults(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AssessmentResultsAssert assertThat(Path file) {
        return new AssessmentResultsAssert(load(file));
    }

    public Result result() {
        isNotNull();
        Assertions.assertThat(actual.getResults()).as("results").hasSize(1);
        return actual.getResults().get(0);
    }

    /** The observation of one control on one target, named by the suite's own {@code control} property and its subject. */
    public Observation observation(String control, String target) {
        List<Observation> found = result().getObservations().stream()
                .filter(o -> control.equals(prop(o.getProps(), "control").orElse(null)))
                .filter(o -> target.equals(prop(o.getProps(), "target").orElse(null))).toList();
        Assertions.assertThat(found).as("observations of %s on %s", control, target).hasSize(1);
        return found.get(0);
    }

    public AssessmentResultsAssert hasObservation(String control, String target, String outcome) {
        Assertions.assertThat(prop(observation(control, target).getProps(), "outcome")).as("outcome of %s on %s", control, target)
                .contains(outcome);
        return this;
    }

    /** The findings, as "control target" (the finding's target id and its observation's subject). */
    public AssessmentResultsAssert hasFindingsExactlyFor(String... controlAndTarget) {
        List<String> found = findings().stream().map(f -> f.getTarget().getTargetId() + " " + subjectOf(f)).toList();
        Assertions.assertThat(found).as("findings").containsExactlyInAnyOrder(controlAndTarget);
        return this;
    }

    public Finding finding(String control, String target) {
        return findings().stream().filter(f -> f.getTarget().getTargetId().equals(control) && subjectOf(f).equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + control + " on " + target));
    }

    public List<Finding> findings() {
        return Optional.ofNullable(result().getFindings()).orElse(List.of());
    }

    public List<Risk> risks() {
        return Optional.ofNullable(result().getRisks()).orElse(List.of());
    }

    /** The risk whose related observation is that of this control on this target. */
    public Risk risk(String control, String target) {
        UUID observation = observation(control, target).getUuid();
        return risks().stream().filter(r -> r.getRelatedObservations().stream().anyMatch(o -> o.getObservationUuid().equals(observation)))
                .findFirst().orElseThrow(() -> new AssertionError("no risk for " + control + " on " + target));
    }

    private String subjectOf(Finding finding) {
        UUID related = finding.getRelatedObservations().get(0).getObservationUuid();
        return result().getObservations().stream().filter(o -> o.getUuid().equals(related)).findFirst()
                .flatMap(o -> prop(o.getProps(), "target"))
                .orElseThrow(() -> new AssertionError("finding " + finding.getUuid() + " names no observation of the result"));
    }

    public static Optional<String> prop(List<Property> props, String name) {
        return Optional.ofNullable(props).orElse(List.of()).stream().filter(p -> Objects.equals(p.getName(), name)).map(Property::getValue)
                .findFirst();
    }
}
