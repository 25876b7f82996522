package uccx.compliance.controls;

import java.util.Optional;

/**
 * One setting of one target that violates its control: the setting, what the checklist expects
 * and what was found. Thrown by the domain assertions and collected softly, so one run lists every
 * violated setting of a target at once.
 */
public class SettingViolation extends AssertionError {

    private final String setting;
    private final String expected;
    private final String found;
    private final transient Optional<Threshold> threshold;

    public SettingViolation(String setting, String expected, String found, Optional<Threshold> threshold) {
        super(setting + ": expected " + expected + ", found " + found);
        this.setting = setting;
        this.expected = expected;
        this.found = found;
        this.threshold = threshold;
    }

    public static SettingViolation below(Threshold threshold, Object found) {
        return new SettingViolation(threshold.setting(), threshold.toString(), String.valueOf(found), Optional.of(threshold));
    }

    public String setting() {
        return setting;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }

    public Optional<Threshold> threshold() {
        return threshold;
    }
}
