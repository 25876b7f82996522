package uccx.compliance.controls;

import java.util.Optional;
import org.assertj.core.api.AbstractObjectAssert;
import uccx.compliance.collector.facts.Limit;

/**
 * What the domain assertions share: "this limit reaches that threshold", with Exchange's
 * {@code unlimited} passing, and the settings table every judged setting is written to, compliant
 * or not (a violation is written when the soft assertions collect it).
 */
public abstract class DomainAssert<SELF extends DomainAssert<SELF, ACTUAL>, ACTUAL> extends AbstractObjectAssert<SELF, ACTUAL> {

    protected DomainAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    private SettingsTable table = new SettingsTable();

    /** Where compliant settings are written; {@link ControlFindings} hands in the table of its target. */
    public SELF recordingInto(SettingsTable settings) {
        this.table = settings;
        return myself;
    }

    protected SELF limitAtLeast(Limit found, Threshold threshold) {
        isNotNull();
        if (!found.isAtLeast(threshold.minimum())) {
            throw SettingViolation.below(threshold, found);
        }
        table.complies(threshold.setting(), threshold.toString(), found, Optional.of(threshold));
        return myself;
    }

    protected SELF complies(String setting, String expected, Object found) {
        table.complies(setting, expected, found, Optional.empty());
        return myself;
    }

    protected SELF complies(Threshold threshold, String expected, Object found) {
        table.complies(threshold.setting(), expected, found, Optional.of(threshold));
        return myself;
    }
}
