package uccx.compliance.controls;

import java.util.List;
import uccx.compliance.collector.facts.StoreEvent;

/** The 9646 events one Mailbox server logged in the look-back window. */
public record StoreEvents(String server, int lookbackHours, List<StoreEvent> events) {
}
