package uccx.compliance.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import io.qameta.allure.Allure;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * The rules that keep the rooms of {@code src/main} apart, written for a root package so that the
 * same rules can be shown to fail on a planted layout. The flow: environment, then collector and
 * tls, probes, controls, evidence, and the run that joins them; the lab is a room apart that only
 * the run starts.
 */
final class Rooms {

    private final String root;

    Rooms(String root) {
        this.root = root;
    }

    private String room(String name) {
        return root + "." + name + "..";
    }

    /** Each room uses only the rooms before it in the flow; nothing uses the run. */
    ArchRule flowsOneWay() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("environment").definedBy(room("environment"))
                .layer("tls").definedBy(room("tls"))
                .layer("collector").definedBy(room("collector"))
                .layer("probes").definedBy(room("probes"))
                .layer("controls").definedBy(room("controls"))
                .layer("evidence").definedBy(room("evidence"))
                .layer("run").definedBy(room("run"))
                .layer("lab").definedBy(room("lab"))
                .whereLayer("run").mayNotBeAccessedByAnyLayer()
                .whereLayer("evidence").mayOnlyBeAccessedByLayers("run")
                .whereLayer("controls").mayOnlyBeAccessedByLayers("evidence", "run")
                .whereLayer("probes").mayOnlyBeAccessedByLayers("controls", "run")
                .whereLayer("collector").mayOnlyBeAccessedByLayers("controls", "run")
                .whereLayer("tls").mayOnlyBeAccessedByLayers("collector", "probes", "run")
                .whereLayer("lab").mayOnlyBeAccessedByLayers("run")
                .allowEmptyShould(true);
    }

    /** Only the run starts the lab; no other room of the product knows it exists. */
    ArchRule onlyTheRunStartsTheLab() {
        return noClasses().that().resideOutsideOfPackages(room("lab"), room("run"))
                .should().dependOnClassesThat().resideInAPackage(room("lab")).allowEmptyShould(true);
    }

    /** The lab plays Exchange from its own state: it uses nothing of the suite, so it cannot agree with it by accident. */
    ArchRule theLabStandsApart() {
        return noClasses().that().resideInAPackage(room("lab"))
                .should().dependOnClassesThat().resideInAnyPackage(room("environment"), room("collector"), room("tls"), room("probes"),
                        room("controls"), room("evidence"), room("run")).allowEmptyShould(true);
    }

    /** The evidence room writes what it is given: it reads neither Exchange's output nor the probes. */
    ArchRule evidenceReadsNoFacts() {
        return noClasses().that().resideInAPackage(room("evidence"))
                .should().dependOnClassesThat().resideInAnyPackage(room("collector"), room("probes")).allowEmptyShould(true);
    }

    ArchRule noCycles() {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /**
     * The checklist's tests judge through the run and leave the evidence to the framework: no
     * Allure call, no lab and no evidence room in a test body.
     */
    ArchRule checklistTestsLeaveEvidenceToTheRun(Class<? extends Annotation> checklist) {
        return noClasses().that().areAnnotatedWith(checklist)
                .should().dependOnClassesThat().resideInAnyPackage(room("lab"), room("evidence"))
                .orShould().callMethodWhere(target(owner(equivalentTo(Allure.class)))).allowEmptyShould(true);
    }

    /**
     * The checklist's tests share a package name with the controls room, which would let them reach
     * its package-private classes: they use only what the product makes public.
     */
    ArchRule checklistTestsUseOnlyThePublicApi(Class<? extends Annotation> checklist) {
        DescribedPredicate<JavaClass> internal = resideInAPackage(root + "..").and(not(modifier(JavaModifier.PUBLIC)))
                .and(not(annotatedWith(checklist))).as("non-public classes of the product");
        return noClasses().that().areAnnotatedWith(checklist).should().dependOnClassesThat(internal).allowEmptyShould(true);
    }

    List<ArchRule> ofTheProduct() {
        return List.of(flowsOneWay(), onlyTheRunStartsTheLab(), theLabStandsApart(), evidenceReadsNoFacts(), noCycles());
    }
}
