package uccx.compliance.controls;

import java.time.Instant;
import java.util.Optional;
import uccx.compliance.collector.facts.ImapSettings;
import uccx.compliance.collector.facts.StoreEvent;
import uccx.compliance.collector.facts.StoreRegistryValue;
import uccx.compliance.collector.facts.WindowsService;

/**
 * SVC-02: settings a service reads only at start were not changed after it started. A part that
 * does not apply (the server is not in that list), or cannot be told (see
 * {@link SettingsInEffect#whyStoreCannotBeTold()}), is not judged here.
 */
public class SettingsInEffectAssert extends DomainAssert<SettingsInEffectAssert, SettingsInEffect> {

    public SettingsInEffectAssert(SettingsInEffect actual) {
        super(actual, SettingsInEffectAssert.class);
    }

    /** Get-ImapSettings' WhenChanged is not after the start of MSExchangeIMAP4's process. */
    public SettingsInEffectAssert imapSettingsNotChangedSinceStart() {
        isNotNull();
        if (actual.imapSettings().isEmpty() || actual.whyImapCannotBeTold().isPresent()) {
            return myself;
        }
        ImapSettings imap = actual.imapSettings().get();
        Optional<WindowsService> service = actual.services().service(ServerServices.IMAP4).filter(WindowsService::isRunning);
        if (service.isEmpty()) {
            return complies(SettingsInEffect.IMAP_SETTING, "not changed after MSExchangeIMAP4 started",
                    "MSExchangeIMAP4 does not run: it reads them when it starts (SVC-01)");
        }
        Instant started = service.get().startedAt().orElseThrow();
        Instant changed = imap.whenChanged().orElseThrow();
        if (changed.isAfter(started)) {
            throw new SettingViolation(SettingsInEffect.IMAP_SETTING, "not changed after MSExchangeIMAP4 started at " + started,
                    "changed at " + changed + " (WhenChanged): not in effect until MSExchangeIMAP4 restarts", Optional.empty());
        }
        return complies(SettingsInEffect.IMAP_SETTING, "not changed after MSExchangeIMAP4 started at " + started,
                "last changed at " + changed);
    }

    /**
     * The limit the store enforces, as the latest event 9646 since MSExchangeIS started states it, is the
     * registry's value (16, the store's default, where the value is missing or not a DWORD).
     */
    public SettingsInEffectAssert storeValueInEffect() {
        isNotNull();
        if (actual.storeValue().isEmpty() || actual.whyStoreCannotBeTold().isPresent()) {
            return myself;
        }
        StoreRegistryValue value = actual.storeValue().get();
        long registry = value.isDword() && !value.isMissing() ? value.value().getAsLong() : StoreRegistryValue.STORE_DEFAULT;
        Optional<WindowsService> service = actual.services().service(ServerServices.STORE).filter(WindowsService::isRunning);
        if (service.isEmpty()) {
            return complies(SettingsInEffect.STORE_SETTING, "the registry's " + registry + " enforced by the store",
                    "MSExchangeIS does not run: it reads the value when it starts");
        }
        StoreEvent witness = actual.witness().orElseThrow();
        long enforced = Long.parseLong(witness.limit().trim());
        Instant started = service.get().startedAt().orElseThrow();
        if (enforced != registry) {
            throw new SettingViolation(SettingsInEffect.STORE_SETTING, "the registry's " + registry + " enforced by the store",
                    "event 9646 at " + witness.timeCreated() + " states " + enforced + ": the value was written after MSExchangeIS "
                            + "started at " + started + " and is not in effect until it restarts", Optional.empty());
        }
        return complies(SettingsInEffect.STORE_SETTING, "the registry's " + registry + " enforced by the store",
                registry + " in effect, per event 9646 at " + witness.timeCreated());
    }
}
