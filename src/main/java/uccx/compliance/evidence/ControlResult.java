package uccx.compliance.evidence;

import java.util.List;

/**
 * One control for one target, as the summary lists it, with the settings the control judged (none
 * for a result that ended before judging: waived, not applicable, some could-not-verify). The
 * message never holds a secret.
 */
public record ControlResult(String control, String target, Outcome outcome, String message, List<JudgedSetting> settings) {

    public ControlResult {
        settings = List.copyOf(settings);
    }

    /** A result that judged no setting. */
    public ControlResult(String control, String target, Outcome outcome, String message) {
        this(control, target, outcome, message, List.of());
    }
}
