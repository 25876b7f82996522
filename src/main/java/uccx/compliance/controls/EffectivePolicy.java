package uccx.compliance.controls;

import java.util.List;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.collector.facts.ThrottlingPolicy;

/**
 * The throttling policy that really governs a mailbox: the one assigned to it, otherwise the
 * organisation's default policy.
 */
public record EffectivePolicy(ThrottlingPolicy policy, boolean assigned) {

    public static EffectivePolicy of(Mailbox mailbox, List<ThrottlingPolicy> policies) {
        if (mailbox.throttlingPolicy().isPresent()) {
            String name = mailbox.throttlingPolicy().get();
            return policies.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst()
                    .map(p -> new EffectivePolicy(p, true))
                    .orElseThrow(() -> new IllegalStateException("could not verify: the UCCX mailbox is assigned policy '" + name
                            + "', which Get-ThrottlingPolicy did not return"));
        }
        return policies.stream().filter(ThrottlingPolicy::isDefault).findFirst()
                .map(p -> new EffectivePolicy(p, false))
                .orElseThrow(() -> new IllegalStateException("could not verify: no policy is assigned to the UCCX mailbox and "
                        + "Get-ThrottlingPolicy returned no default policy"));
    }

    public String describe() {
        return (assigned ? "assigned policy '" : "no policy assigned; default policy '") + policy.name() + "'";
    }
}
