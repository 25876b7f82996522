package uccx.compliance.controls;

import java.util.Optional;

/**
 * One setting of one target as judged: one row of the expected-versus-actual table attached to
 * every result, compliant rows included, so an auditor sees what was checked and not only what failed.
 */
public record SettingCheck(String setting, String expected, String found, boolean complies, Optional<Threshold> threshold) {

    static SettingCheck violated(SettingViolation violation) {
        return new SettingCheck(violation.setting(), violation.expected(), violation.found(), false, violation.threshold());
    }
}
