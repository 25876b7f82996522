package uccx.compliance.probes;

import java.time.Duration;

/** Durations as a reader of a report writes them. */
final class Durations {

    private Durations() {
    }

    /** {@code 3 s}, {@code 1.5 s}, {@code 250 ms}. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
