package uccx.compliance.evidence.oscal;

import gov.nist.secauto.metaschema.databind.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.AssessmentPlan;
import gov.nist.secauto.oscal.lib.model.AssessmentResults;
import gov.nist.secauto.oscal.lib.model.Catalog;
import gov.nist.secauto.oscal.lib.model.Profile;
import gov.nist.secauto.oscal.lib.model.SystemSecurityPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code assessment-results.json} in a run folder: the run as NIST OSCAL 1.1 Assessment Results, for
 * a risk team's GRC tool. Written before the folder is sealed, so that {@code MANIFEST.sha256} and the
 * evidence zip hold it; it names the folder's files it rests on with their SHA-256.
 */
public final class AssessmentResultsFile {

    public static final String NAME = "assessment-results.json";

    private AssessmentResultsFile() {
    }

    /**
     * @param environmentFile the environment file as run; the bundle keeps it as {@code environment.yaml},
     *                        byte for byte, when it is sealed after this
     * @return the file written
     */
    public static Path write(Path runFolder, AssessedRun run, Path environmentFile) {
        List<EvidenceFile> evidence = new ArrayList<>(bundled(runFolder));
        evidence.removeIf(f -> f.path().equals(AssessmentResultsDocument.PLAN_FILE));
        evidence.add(EvidenceFile.of(AssessmentResultsDocument.PLAN_FILE, environmentFile));
        Path file = runFolder.resolve(NAME);
        AssessmentPlanDocuments plan = new AssessmentPlanDocuments(run);
        // The binding context knows the OSCAL model classes; its serializers write them in OSCAL's JSON format.
        OscalBindingContext context = OscalBindingContext.instance();
        try {
            context.newSerializer(Format.JSON, Catalog.class).serialize(plan.catalog(), runFolder.resolve(AssessmentPlanDocuments.CATALOG));
            context.newSerializer(Format.JSON, Profile.class).serialize(plan.profile(), runFolder.resolve(AssessmentPlanDocuments.PROFILE));
            context.newSerializer(Format.JSON, SystemSecurityPlan.class)
                    .serialize(plan.systemSecurityPlan(), runFolder.resolve(AssessmentPlanDocuments.SSP));
            context.newSerializer(Format.JSON, AssessmentPlan.class)
                    .serialize(plan.assessmentPlan(), runFolder.resolve(AssessmentPlanDocuments.PLAN));
            context.newSerializer(Format.JSON, AssessmentResults.class).serialize(AssessmentResultsDocument.of(run, evidence), file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + " and its plan", e);
        }
        return file;
    }

    /** The run folder's files so far, as the bundle will hold them: not the zip, the manifest, this file or its plan. */
    private static List<EvidenceFile> bundled(Path runFolder) {
        try (Stream<Path> walk = Files.walk(runFolder)) {
            return walk.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                return !name.endsWith(".zip") && !name.startsWith("MANIFEST.") && !name.equals(NAME) && !AssessmentPlanDocuments.FILES.contains(name);
            }).sorted().map(f -> EvidenceFile.of(runFolder.relativize(f).toString().replace('\\', '/'), f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + runFolder, e);
        }
    }
}
