package uccx.compliance.controls;

import java.util.Locale;
import java.util.Optional;
import uccx.compliance.collector.facts.ThrottlingPolicy;

/** THR-01 and THR-02: the throttling policy that really governs the UCCX mailbox. */
public class EffectivePolicyAssert extends DomainAssert<EffectivePolicyAssert, EffectivePolicy> {

    public EffectivePolicyAssert(EffectivePolicy actual) {
        super(actual, EffectivePolicyAssert.class);
    }

    /** THR-01: a policy is assigned to the mailbox, and it is not the organisation's default one. */
    public EffectivePolicyAssert isADedicatedPolicy() {
        isNotNull();
        ThrottlingPolicy policy = actual.policy();
        if (!actual.assigned()) {
            throw new SettingViolation("ThrottlingPolicy", "a dedicated, non-default policy",
                    "none assigned, so the default policy '" + policy.name() + "' applies", Optional.empty());
        }
        if (policy.isDefault()) {
            throw new SettingViolation("ThrottlingPolicy", "a dedicated, non-default policy",
                    "'" + policy.name() + "', the organisation's default policy (IsDefault true)", Optional.empty());
        }
        return complies("ThrottlingPolicy", "a dedicated, non-default policy", "'" + policy.name() + "' (IsDefault false)");
    }

    /**
     * THR-02, one budget: unlimited when it is $null (Exchange 2010 shows it empty) or, as later versions print it,
     * Unlimited.
     */
    public EffectivePolicyAssert hasUnlimited(String budget) {
        isNotNull();
        ThrottlingPolicy policy = actual.policy();
        if (!policy.hasBudget(budget)) {
            throw new SettingViolation(budget, "$null (unlimited)", "no such budget in policy " + policy.name()
                    + " (this Exchange version does not have it: check exchange.version)", Optional.empty());
        }
        Optional<String> value = policy.budget(budget);
        if (value.isPresent() && !value.get().trim().toLowerCase(Locale.ROOT).equals("unlimited")) {
            throw new SettingViolation(budget, "$null (unlimited)", value.get(), Optional.empty());
        }
        return complies(budget, "$null (unlimited)", value.orElse("$null") + " in policy " + policy.name());
    }
}
