package uccx.compliance.controls;

import java.util.List;
import java.util.Optional;
import uccx.compliance.collector.facts.StoreEvent;

/** IMAP-03: the 9646 events of one Mailbox server in the look-back window. */
public class StoreEventsAssert extends DomainAssert<StoreEventsAssert, StoreEvents> {

    public StoreEventsAssert(StoreEvents actual) {
        super(actual, StoreEventsAssert.class);
    }

    /** No event 9646 for a "session" object of this mailbox; events for other mailboxes do not count. */
    public StoreEventsAssert hasNoSessionLimitEventFor(String mailbox, String legacyExchangeDn) {
        isNotNull();
        List<StoreEvent> ours = actual.events().stream().filter(e -> e.concerns(legacyExchangeDn) && e.isSessionLimit()).toList();
        if (!ours.isEmpty()) {
            StoreEvent last = ours.get(ours.size() - 1);
            throw new SettingViolation("MSExchangeIS event 9646", "none for " + mailbox + " in the last " + actual.lookbackHours() + " h",
                    ours.size() + " event(s), the latest at " + last.timeCreated() + ": session limit of " + last.limit()
                            + " reached for " + legacyExchangeDn, Optional.empty());
        }
        return complies("MSExchangeIS event 9646", "none for " + mailbox + " in the last " + actual.lookbackHours() + " h",
                "none for " + mailbox + " (" + actual.events().size() + " event(s) 9646 in all)");
    }
}
