package uccx.compliance.controls;

import org.assertj.core.api.AbstractObjectAssert;
import uccx.compliance.collector.facts.Limit;

/** What the domain assertions share: "this limit reaches that threshold", with Exchange's {@code unlimited} passing. */
public abstract class DomainAssert<SELF extends DomainAssert<SELF, ACTUAL>, ACTUAL> extends AbstractObjectAssert<SELF, ACTUAL> {

    protected DomainAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    protected SELF limitAtLeast(Limit found, Threshold threshold) {
        isNotNull();
        if (!found.isAtLeast(threshold.minimum())) {
            throw SettingViolation.below(threshold, found);
        }
        return myself;
    }
}
