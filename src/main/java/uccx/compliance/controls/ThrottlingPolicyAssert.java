package uccx.compliance.controls;

import java.util.Locale;
import java.util.Optional;
import uccx.compliance.collector.facts.ThrottlingPolicy;

/** THR-01 and THR-02: the throttling policy that governs the UCCX mailbox. */
public class ThrottlingPolicyAssert extends DomainAssert<ThrottlingPolicyAssert, ThrottlingPolicy> {

    public ThrottlingPolicyAssert(ThrottlingPolicy actual) {
        super(actual, ThrottlingPolicyAssert.class);
    }

    /** A budget is unlimited when it is $null (Exchange 2010 shows it empty) or, as later versions print it, Unlimited. */
    public ThrottlingPolicyAssert hasUnlimited(String budget) {
        isNotNull();
        if (!actual.hasBudget(budget)) {
            throw new SettingViolation(budget, "$null (unlimited)", "no such budget in policy " + actual.name()
                    + " (this Exchange version does not have it: check exchange.version)", Optional.empty());
        }
        Optional<String> value = actual.budget(budget);
        if (value.isPresent() && !value.get().trim().toLowerCase(Locale.ROOT).equals("unlimited")) {
            throw new SettingViolation(budget, "$null (unlimited)", value.get(), Optional.empty());
        }
        return complies(budget, "$null (unlimited)", value.orElse("$null") + " in policy " + actual.name());
    }

    public ThrottlingPolicyAssert isNotTheDefaultPolicy() {
        isNotNull();
        if (actual.isDefault()) {
            throw new SettingViolation("ThrottlingPolicy", "a dedicated, non-default policy",
                    "'" + actual.name() + "', the organisation's default policy (IsDefault true)", Optional.empty());
        }
        return complies("ThrottlingPolicy", "a dedicated, non-default policy", "'" + actual.name() + "' (IsDefault false)");
    }
}
