package uccx.compliance.collector.shell;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as messages and WS-Management headers write them. */
final class Durations {

    private Durations() {
    }

    /** For example {@code 5 s} or {@code 0.25 s}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** An xs:duration in the form WinRM clients send, for example {@code PT60.000S}. */
    static String xsDuration(Duration duration) {
        return "PT" + BigDecimal.valueOf(duration.toMillis(), 3).toPlainString() + "S";
    }
}
