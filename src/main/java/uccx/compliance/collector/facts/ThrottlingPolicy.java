package uccx.compliance.collector.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Get-ThrottlingPolicy}: a policy and its budgets. A budget is {@code $null} (unlimited,
 * shown empty), a value, or absent: Exchange 2010 RTM has no CPA* budgets at all.
 *
 * @param budgets every budget the policy has, by name; an empty Optional is {@code $null}
 */
public record ThrottlingPolicy(String name, boolean isDefault, Map<String, Optional<String>> budgets) {

    public ThrottlingPolicy {
        budgets = Collections.unmodifiableMap(new LinkedHashMap<>(budgets));
    }

    public boolean hasBudget(String budget) {
        return budgets.keySet().stream().anyMatch(b -> b.equalsIgnoreCase(budget));
    }

    /** The budget's value, empty when it is $null; only for a budget the policy has. */
    public Optional<String> budget(String budget) {
        return budgets.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(budget))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("policy " + name + " has no budget " + budget));
    }
}
