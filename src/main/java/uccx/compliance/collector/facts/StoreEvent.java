package uccx.compliance.collector.facts;

import java.time.Instant;
import java.util.Locale;

/**
 * MSExchangeIS event 9646 ("Mapi session ... exceeded the maximum of N objects of type ...").
 *
 * @param mailboxDn  the event's first data field: the mailbox's LegacyExchangeDN, sometimes prefixed {@code <guid>:}
 * @param objectType the object type whose limit was hit; {@code session} is the service-session limit
 */
public record StoreEvent(String server, Instant timeCreated, String mailboxDn, String limit, String objectType, String message) {

    /** Whether this event is about the given mailbox (LegacyExchangeDN, case-insensitive, GUID prefix ignored). */
    public boolean concerns(String legacyExchangeDn) {
        if (legacyExchangeDn == null || mailboxDn == null) {
            return false;
        }
        String dn = mailboxDn.trim();
        int slash = dn.indexOf('/');
        if (slash > 0 && dn.charAt(slash - 1) == ':') {
            dn = dn.substring(slash);
        }
        return dn.toLowerCase(Locale.ROOT).equals(legacyExchangeDn.trim().toLowerCase(Locale.ROOT));
    }

    public boolean isSessionLimit() {
        return objectType != null && objectType.trim().equalsIgnoreCase("session");
    }
}
