package uccx.compliance.judging;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uccx.compliance.controls.Control;
import uccx.compliance.run.ChecklistControls;

/**
 * A checklist test class's JUnit tag is what {@code -Dgroups=imap} selects; it must be the tag of
 * the section of every control the class judges, as the declaration says, or a site asking for
 * one section would run another's controls.
 */
class ChecklistTagsTest {

    private static final JavaClasses CHECKLIST_TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages("uccx.compliance.controls");

    @Test
    void eachChecklistTestClassIsTaggedWithTheSectionOfTheControlsItJudges() {
        Set<JavaClass> classes = CHECKLIST_TESTS.stream().filter(c -> c.isAnnotatedWith(ChecklistControls.class)).collect(Collectors.toSet());
        assertThat(classes).as("one checklist test class per section").hasSize(Control.Section.values().length);
        Set<Control> judged = classes.stream().flatMap(c -> controlsNamedBy(c).stream()).collect(Collectors.toSet());
        assertThat(judged).as("every declared control is judged by some checklist test").containsExactlyInAnyOrder(Control.values());
        for (JavaClass checklistTest : classes) {
            String tag = checklistTest.getAnnotationOfType(Tag.class).value();
            assertThat(controlsNamedBy(checklistTest)).as(checklistTest.getSimpleName() + " tagged " + tag)
                    .isNotEmpty().allSatisfy(control -> assertThat(control.section().tag()).as(control.id()).isEqualTo(tag));
        }
    }

    private static Set<Control> controlsNamedBy(JavaClass checklistTest) {
        return checklistTest.getFieldAccessesFromSelf().stream()
                .filter(access -> access.getTargetOwner().isEquivalentTo(Control.class))
                .map(access -> Control.valueOf(access.getTarget().getName())).collect(Collectors.toSet());
    }
}
