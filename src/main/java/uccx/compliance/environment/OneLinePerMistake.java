package uccx.compliance.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps one line for one mistake when two checks see it: someone fixing a file reads two lines as
 * two things to fix. A value the reference check already refused (an unset or malformed
 * {@code ${VAR}}) is not refused again for its shape, and a misspelt key is reported as the
 * unknown key with its "did you mean", not also as the missing key it was meant to be.
 */
final class OneLinePerMistake {

    private OneLinePerMistake() {
    }

    /**
     * @param references what {@link References#check} found
     * @param others     what the schema and the rules found, for the same file
     */
    static List<Problem> of(List<Problem> references, List<Problem> others) {
        Set<KeyPath> referenceRefused = references.stream().map(Problem::path).collect(Collectors.toSet());
        List<Problem> kept = new ArrayList<>(references);
        for (Problem p : others) {
            if (!referenceRefused.contains(p.path()) && !(p.isMissingKey() && misspeltAs(p.path(), others))) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** Whether a sibling of the missing key is an unknown key that is a typo of it. */
    private static boolean misspeltAs(KeyPath missing, List<Problem> problems) {
        return problems.stream().filter(Problem::isUnknownKey)
                .map(Problem::path)
                .anyMatch(unknown -> unknown.parent().equals(missing.parent())
                        && missing.lastKey().equals(Suggest.closest(unknown.lastKey(), List.of(missing.lastKey()))));
    }
}
