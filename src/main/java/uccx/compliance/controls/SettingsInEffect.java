package uccx.compliance.controls;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import uccx.compliance.collector.facts.ImapSettings;
import uccx.compliance.collector.facts.StoreEvent;
import uccx.compliance.collector.facts.StoreRegistryValue;
import uccx.compliance.collector.facts.WindowsService;

/**
 * SVC-02 on one server: what a service reads only at start, and when that service started. Either
 * part is present when the server is in the list it belongs to: the IMAP4 settings of a Client
 * Access server, the store's registry value and its 9646 events of a Mailbox server.
 *
 * @param imapSettings Get-ImapSettings of a Client Access server, with WhenChanged
 * @param storeValue   the registry value of a Mailbox server
 * @param storeEvents  the 9646 events the run read on that Mailbox server (its look-back window)
 * @param lookbackHours how far back the run read the event log
 * @param storeNotRead why the registry value or the events of a Mailbox server were not read (IMAP-02's and IMAP-03's
 *                     facts): the store part then cannot be told, and the rest of the server is still judged
 */
public record SettingsInEffect(String server, ServerServices services, Optional<ImapSettings> imapSettings,
                               Optional<StoreRegistryValue> storeValue, List<StoreEvent> storeEvents, int lookbackHours,
                               Optional<String> storeNotRead) {

    public static final String IMAP_SETTING = "MSExchangeIMAP4 settings in effect";
    public static final String STORE_SETTING = "MSExchangeIS registry value in effect";

    public SettingsInEffect {
        storeEvents = List.copyOf(storeEvents);
    }

    /** Why the IMAP4 part cannot be judged, when it cannot: the service runs but a time is missing. */
    public Optional<String> whyImapCannotBeTold() {
        if (imapSettings.isEmpty()) {
            return Optional.empty();
        }
        Optional<WindowsService> imap = services.service(ServerServices.IMAP4).filter(WindowsService::isRunning);
        if (imap.isEmpty()) {
            return Optional.empty();
        }
        if (imap.get().startedAt().isEmpty()) {
            return Optional.of("WMI gave no start time for the process of MSExchangeIMAP4 (Win32_Process CreationDate)");
        }
        if (imapSettings.get().whenChanged().isEmpty()) {
            return Optional.of("Get-ImapSettings gave neither WhenChangedUTC nor WhenChanged");
        }
        return Optional.empty();
    }

    /**
     * Why the store part cannot be judged, when it cannot. Windows keeps no time per registry value, and
     * a key's LastWriteTime is given only by RegQueryInfoKey, which neither .NET 2.0's RegistryKey nor WMI's
     * StdRegProv exposes (only P/Invoke reaches it, which the collector does not do); so the one witness
     * is the store itself: an event 9646 raised since MSExchangeIS started states the limit it enforces.
     */
    public Optional<String> whyStoreCannotBeTold() {
        if (storeNotRead.isPresent()) {
            return storeNotRead;
        }
        if (storeValue.isEmpty()) {
            return Optional.empty();
        }
        Optional<WindowsService> store = services.service(ServerServices.STORE).filter(WindowsService::isRunning);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        if (store.get().startedAt().isEmpty()) {
            return Optional.of("WMI gave no start time for the process of MSExchangeIS (Win32_Process CreationDate)");
        }
        if (witness().isEmpty()) {
            return Optional.of("Windows keeps no time for a registry value, and .NET 2.0 and WMI's StdRegProv give no key's "
                    + "LastWriteTime (only P/Invoke of RegQueryInfoKey does, which the collector does not do); no event 9646 since "
                    + "MSExchangeIS started at " + store.get().startedAt().get() + " (read back " + lookbackHours + " h) states the "
                    + "limit the store enforces");
        }
        return Optional.empty();
    }

    /** Whether nothing at all of this server can be judged. */
    public boolean nothingCanBeTold() {
        boolean imapJudged = imapSettings.isPresent() && whyImapCannotBeTold().isEmpty();
        boolean storeJudged = storeValue.isPresent() && storeNotRead.isEmpty() && whyStoreCannotBeTold().isEmpty();
        return !imapJudged && !storeJudged;
    }

    /** The latest session-limit event 9646 (any mailbox) raised since MSExchangeIS started, with a number in its Limit field. */
    Optional<StoreEvent> witness() {
        Optional<Instant> started = services.service(ServerServices.STORE).filter(WindowsService::isRunning)
                .flatMap(WindowsService::startedAt);
        if (started.isEmpty()) {
            return Optional.empty();
        }
        return storeEvents.stream().filter(StoreEvent::isSessionLimit).filter(e -> !e.timeCreated().isBefore(started.get()))
                .filter(e -> e.limit() != null && e.limit().trim().matches("\\d+"))
                .max(Comparator.comparing(StoreEvent::timeCreated));
    }
}
