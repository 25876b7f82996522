package uccx.compliance.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.architecture.planted.controls.InsiderChecks;
import uccx.compliance.architecture.planted.controls.LeakyChecks;
import uccx.compliance.run.ChecklistControls;

/**
 * The rooms of {@code src/main} hold to their rules, and every rule is shown to catch a planted
 * violation: a miniature layout under {@code uccx.compliance.architecture.planted} that breaks each.
 */
class RoomsTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uccx.compliance");
    private static final JavaClasses CHECKLIST_TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("uccx.compliance.controls");
    private static final JavaClasses PLANTED = new ClassFileImporter().importPackages("uccx.compliance.architecture.planted");

    private static final Rooms PRODUCT_ROOMS = new Rooms("uccx.compliance");
    private static final Rooms PLANTED_ROOMS = new Rooms("uccx.compliance.architecture.planted");

    static Stream<String> rules() {
        return Stream.of("flowsOneWay", "onlyTheRunStartsTheLab", "theLabStandsApart", "evidenceReadsNoFacts", "noCycles");
    }

    private static ArchRule rule(Rooms rooms, String name) {
        return switch (name) {
            case "flowsOneWay" -> rooms.flowsOneWay();
            case "onlyTheRunStartsTheLab" -> rooms.onlyTheRunStartsTheLab();
            case "theLabStandsApart" -> rooms.theLabStandsApart();
            case "evidenceReadsNoFacts" -> rooms.evidenceReadsNoFacts();
            case "noCycles" -> rooms.noCycles();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} holds in src/main")
    @MethodSource("rules")
    void theProductKeepsTheRule(String name) {
        rule(PRODUCT_ROOMS, name).check(PRODUCT);
    }

    @ParameterizedTest(name = "{0} catches its planted violation")
    @MethodSource("rules")
    void theRuleCatchesAPlantedViolation(String name) {
        assertThat(rule(PLANTED_ROOMS, name).evaluate(PLANTED).hasViolation()).as(name + " on the planted layout").isTrue();
    }

    @Test
    void theChecklistsTestsLeaveEvidenceToTheRunAndTheRuleCatchesOneThatDoesNot() {
        assertThat(CHECKLIST_TESTS.stream().filter(c -> c.isAnnotatedWith(ChecklistControls.class))).as("checklist test classes")
                .hasSize(uccx.compliance.controls.Control.Section.values().length);
        PRODUCT_ROOMS.checklistTestsLeaveEvidenceToTheRun(ChecklistControls.class).check(CHECKLIST_TESTS);
        assertThat(PLANTED_ROOMS.checklistTestsLeaveEvidenceToTheRun(ChecklistControls.class)
                .evaluate(new ClassFileImporter().importClasses(LeakyChecks.class)).hasViolation()).isTrue();
    }

    @Test
    void theChecklistsTestsUseOnlyThePublicApiAndTheRuleCatchesOneThatDoesNot() {
        PRODUCT_ROOMS.checklistTestsUseOnlyThePublicApi(ChecklistControls.class).check(CHECKLIST_TESTS);
        assertThat(PLANTED_ROOMS.checklistTestsUseOnlyThePublicApi(ChecklistControls.class)
                .evaluate(new ClassFileImporter().importPackagesOf(InsiderChecks.class)).hasViolation()).isTrue();
    }
}
