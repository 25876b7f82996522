package uccx.compliance.collector.facts;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * An Exchange limit: a number or {@code unlimited}. Exchange 2010 prints {@code unlimited},
 * later versions {@code Unlimited}; both are read in any letter case. Unlimited satisfies any
 * "at least" threshold.
 */
public record Limit(OptionalLong value) {

    public static final Limit UNLIMITED = new Limit(OptionalLong.empty());

    public static Limit of(long value) {
        return new Limit(OptionalLong.of(value));
    }

    /** Reads {@code unlimited}, {@code 2400} or {@code 2,400}; anything else is not a limit. */
    public static Limit parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no value (expected a number or unlimited)");
        }
        String trimmed = text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("unlimited")) {
            return UNLIMITED;
        }
        try {
            return of(Long.parseLong(trimmed.replace(",", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a number nor unlimited");
        }
    }

    public boolean isUnlimited() {
        return value.isEmpty();
    }

    public boolean isAtLeast(long threshold) {
        return isUnlimited() || value.getAsLong() >= threshold;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "unlimited" : Long.toString(value.getAsLong());
    }
}
