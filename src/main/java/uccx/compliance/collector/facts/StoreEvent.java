package uccx.compliance.collector.facts;

import java.time.Instant;
import java.util.Locale;

/**
 * MSExchangeIS event 9646 ("Mapi session ... exceeded the maximum of N objects of type ...").
 *
 * @param mailboxDn  the event's first data field: the mailbox's LegacyExchangeDN, sometimes prefixed {@code <guid>:} or {@code <guid>: }
 * @param objectType the object type whose limit was hit; {@code session} is the service-session limit
 */
public record StoreEvent(String server, Instant timeCreated, String mailboxDn, String limit, String objectType, String message) {

    /**
     * Whether this event is about the given mailbox. The field carries the LegacyExchangeDN after a
     * prefix that varies: published events show {@code "<guid>: /o=..."}, {@code "<guid>:/o=..."} and
     * the bare DN, and Exchange writes the organisation's {@code /o=} in whatever case it was created
     * with. So the DN is read from the first {@code /o=}, in any case, and compared without regard to case.
     */
    public boolean concerns(String legacyExchangeDn) {
        if (legacyExchangeDn == null || mailboxDn == null) {
            return false;
        }
        String field = mailboxDn.trim().toLowerCase(Locale.ROOT);
        int organisation = field.indexOf("/o=");
        String dn = organisation >= 0 ? field.substring(organisation) : field;
        return dn.equals(legacyExchangeDn.trim().toLowerCase(Locale.ROOT));
    }

    public boolean isSessionLimit() {
        return objectType != null && objectType.trim().equalsIgnoreCase("session");
    }
}
