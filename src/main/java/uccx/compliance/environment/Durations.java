package uccx.compliance.environment;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as every message of the suite writes them: the timeouts of an environment file and what a hop took. */
public final class Durations {

    private Durations() {
    }

    /** For example {@code 5 s}, {@code 1.5 s} or {@code 0.25 s}. */
    public static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }
}
