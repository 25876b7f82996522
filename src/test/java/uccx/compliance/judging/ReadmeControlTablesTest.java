package uccx.compliance.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uccx.compliance.controls.Control;

/**
 * The README's control tables say what the declarations say: every control once, in its section,
 * with the checklist's numbers its declared step names.
 */
class ReadmeControlTablesTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z]+-\\d\\d) \\|(.*)$");
    /** A number of two digits or more, but not a product's version ("Exchange 2010"). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(?<!Exchange )\\d{2,}(?![\\w])");

    /** The rows of the tables under "What each control checks, and why", by control ID. */
    private static Map<String, String> rows() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        int start = readme.indexOf("\n## What each control checks, and why");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(rows.put(row.group(1), row.group(2))).as(row.group(1) + " has one row").isNull();
            }
        }
        return rows;
    }

    @Test
    void everyDeclaredControlHasOneRowAndEveryRowIsADeclaredControl() throws IOException {
        assertThat(rows().keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(Control.values()).map(Control::id).toList());
    }

    @Test
    void aConfigurationControlsRowNamesItsSectionsTag() throws IOException {
        Map<String, String> rows = rows();
        for (Control control : Control.values()) {
            String row = rows.get(control.id());
            if (control.section() == Control.Section.LIVE) {
                assertThat(row).as(control.id() + " is in the live table, which has no tag column").doesNotStartWith(" `");
            } else {
                assertThat(row).as(control.id() + "'s tag").startsWith(" `" + control.section().tag() + "` |");
            }
        }
    }

    @Test
    void theNumbersOfEachDeclaredStepAreInItsRow() throws IOException {
        Map<String, String> rows = rows();
        for (Control control : Control.values()) {
            List<String> numbers = NUMBER.matcher(control.step()).results().map(java.util.regex.MatchResult::group).distinct().toList();
            numbers.forEach(number -> assertThat(rows.get(control.id()))
                    .as(control.id() + " in the README, against its declared step: " + control.step()).contains(number));
        }
    }
}
