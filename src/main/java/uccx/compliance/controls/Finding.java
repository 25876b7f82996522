package uccx.compliance.controls;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import uccx.compliance.environment.Environment;

/**
 * What a control's fix is written from: the target, the settings it violates, what the control
 * judged there (facts read and probe results), and the environment whose thresholds were in effect.
 */
public record Finding(String target, List<SettingViolation> violations, List<Object> judged, Environment environment) {

    public Finding {
        violations = List.copyOf(violations);
        judged = List.copyOf(judged);
    }

    public Checklist checklist() {
        return Checklist.of(environment);
    }

    /** The violated settings by name, as the cmdlet's parameters are called. */
    public List<String> violatedSettings() {
        return violations.stream().map(SettingViolation::setting).toList();
    }

    /** {@code -MaxConnections 2400 -MaxConnectionsPerUser 2400}: each violated threshold at its minimum. */
    public String violatedParameters() {
        return violations.stream().map(SettingViolation::threshold).flatMap(Optional::stream)
                .map(t -> "-" + t.setting() + " " + t.minimum()).collect(Collectors.joining(" "));
    }

    /** The last value of this type the control judged; a fix asks only for what its control reads. */
    public <T> T judged(Class<T> type) {
        for (int i = judged.size() - 1; i >= 0; i--) {
            if (type.isInstance(judged.get(i))) {
                return type.cast(judged.get(i));
            }
        }
        throw new IllegalStateException("the fix needs a " + type.getSimpleName() + ", which this control did not judge");
    }
}
