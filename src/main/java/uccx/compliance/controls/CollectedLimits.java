package uccx.compliance.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import uccx.compliance.collector.Fact;
import uccx.compliance.collector.facts.DirectoryAccount;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.environment.Environment;

/**
 * The limits this run collected that explain a refused IMAP login (LIVE-01): IMAP-01's
 * MaxConnectionsPerUser, THR-02's IMAPMaxConcurrency and IMAP-02's store sessions, each written
 * as a suffix to the violation's text; empty text when nothing collects in the run.
 *
 * @param snapshot the run's snapshot, asked for only when a refusal needs explaining: it waits for
 *                 the collection, which must go on while the probes run, not hold them up
 */
public record CollectedLimits(Supplier<Optional<Snapshot>> snapshot, Environment environment) {

    public String perUser() {
        return snapshot.get().map(s -> " (collected: " + environment.exchange().clientAccessServers().stream()
                .map(server -> server + " " + valueOf(s.imapSettingsOf(server), i -> i.maxConnectionsPerUser().toString()))
                .collect(Collectors.joining(", ")) + ")").orElse("");
    }

    public String concurrency() {
        return snapshot.get().map(s -> {
            try {
                EffectivePolicy policy = EffectivePolicy.of(s.uccxMailbox().get(), s.throttlingPolicies().get());
                String value = policy.policy().hasBudget("IMAPMaxConcurrency")
                        ? policy.policy().budget("IMAPMaxConcurrency").orElse("$null") : "absent";
                return " (collected: " + value + " in policy '" + policy.policy().name() + "')";
            } catch (RuntimeException notCollected) {
                return " (not collected: " + notCollected.getMessage() + ")";
            }
        }).orElse("");
    }

    public String storeLimit() {
        return snapshot.get().map(s -> ", collected: " + environment.exchange().mailboxServers().stream()
                .map(server -> server + " " + valueOf(s.storeRegistryOf(server),
                        r -> r.value().isPresent() ? Long.toString(r.value().getAsLong()) : "missing"))
                .collect(Collectors.joining(", "))).orElse("");
    }

    /**
     * Why a refused login need not be the password's fault: the UCCX account's directory state as this run collected it for
     * MBX-01 (disabled, locked out, or its password expired at the moment of collection); empty when the account is fine,
     * its fact was not collected, or nothing collects in the run.
     */
    public Optional<String> accountRefusal() {
        return snapshot.get().flatMap(s -> s.uccxAccount() instanceof Fact.Collected<DirectoryAccount> collected
                ? refusal(collected.value(), s.collectedAt()) : Optional.empty());
    }

    private static Optional<String> refusal(DirectoryAccount account, java.time.Instant at) {
        List<String> reasons = new ArrayList<>();
        if (account.disabled()) {
            reasons.add("the account is disabled in Active Directory");
        }
        if (account.lockedOut()) {
            reasons.add("the account is locked out");
        }
        if (!account.neverExpires() && (account.expiredByFlag() || account.expires().map(e -> !e.isAfter(at)).orElse(false))) {
            reasons.add(account.pwdLastSet() == 0 ? "the account's password must be changed at next logon"
                    : "the account's password expired" + account.expires().filter(e -> e.isAfter(java.time.Instant.EPOCH))
                    .map(e -> " on " + AccountReadiness.date(e)).orElse(""));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", reasons) + " (collected in this run, see MBX-01)");
    }

    private static <T> String valueOf(Fact<T> fact, Function<T, String> read) {
        return fact instanceof Fact.Collected<T> collected ? read.apply(collected.value()) : "not collected";
    }
}
