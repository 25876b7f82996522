package uccx.compliance.probes;

import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions a capacity run holds. Once closed it takes no more: a login that answers after
 * the deadline finds it closed and logs itself out, so no session outlives the probe.
 */
final class OpenSessions {

    private final List<Store> stores = new ArrayList<>();
    private boolean closed;
    private int opened;

    /** @return false when the run is over; the caller must then close the store itself */
    synchronized boolean add(Store store) {
        if (closed) {
            return false;
        }
        stores.add(store);
        opened++;
        return true;
    }

    synchronized int opened() {
        return opened;
    }

    /** Logs every held session out; later arrivals are refused by {@link #add}. */
    void closeAll() {
        List<Store> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(stores);
            stores.clear();
        }
        toClose.forEach(ImapLogins::closeQuietly);
    }
}
