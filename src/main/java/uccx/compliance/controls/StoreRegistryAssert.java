package uccx.compliance.controls;

import java.util.Optional;
import uccx.compliance.collector.facts.StoreRegistryValue;

/** IMAP-02: the store's per-user service-session limit in a Mailbox server's registry. */
public class StoreRegistryAssert extends DomainAssert<StoreRegistryAssert, StoreRegistryValue> {

    public StoreRegistryAssert(StoreRegistryValue actual) {
        super(actual, StoreRegistryAssert.class);
    }

    public StoreRegistryAssert isDwordOfAtLeast(Threshold threshold) {
        isNotNull();
        if (actual.isMissing()) {
            String where = "KeyMissing".equals(actual.valueKind()) ? "the key " + actual.key() + " does not exist"
                    : "the value does not exist under " + actual.key();
            throw new SettingViolation(threshold.setting(), "a DWORD of " + threshold, "missing: " + where
                    + " (the store's default of " + StoreRegistryValue.STORE_DEFAULT + " applies)", Optional.of(threshold));
        }
        if (!actual.isDword()) {
            throw new SettingViolation(threshold.setting(), "a DWORD", "a " + actual.valueKind() + " value, which the store ignores",
                    Optional.of(threshold));
        }
        if (actual.value().getAsLong() < threshold.minimum()) {
            throw SettingViolation.below(threshold, actual.value().getAsLong());
        }
        return complies(threshold, "a DWORD of " + threshold, actual.value().getAsLong());
    }
}
