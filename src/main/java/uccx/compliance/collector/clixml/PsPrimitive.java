package uccx.compliance.collector.clixml;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A primitive: the element name CliXml gives its type ({@code S}, {@code I32}, {@code B},
 * {@code DT}, ...) and its text, with {@code _xHHHH_} escapes already decoded for the
 * string-like tags. The typed accessors read the text on demand and throw
 * {@link IllegalStateException} naming the tag when it does not fit: a malformed value in one
 * property should not make a whole collection unreadable.
 *
 * <p>A secure string ({@code SS}) is kept as the opaque text it arrived as and never decoded;
 * it prints as PowerShell prints it, {@code System.Security.SecureString}.
 */
public record PsPrimitive(String tag, String raw) implements PsValue {

    private static final String SECURE_STRING = "System.Security.SecureString";

    public PsPrimitive {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(raw, "raw");
    }

    /** A string, {@code <S>}. */
    public static PsPrimitive string(String text) {
        return new PsPrimitive("S", text);
    }

    @Override
    public String text() {
        return isSecureString() ? SECURE_STRING : raw;
    }

    @Override
    public Optional<PsPrimitive> primitive() {
        return Optional.of(this);
    }

    public boolean isSecureString() {
        return tag.equals("SS");
    }

    /** A whole number ({@code I32}, {@code I64}, {@code U16}, {@code By}, a {@code C} code, or a string of digits). */
    public long asLong() {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw notA("whole number");
        }
    }

    public int asInt() {
        long value = asLong();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw notA("32-bit number");
        }
        return (int) value;
    }

    /** Any number, exactly ({@code D}, {@code U64} beyond a long, {@code Db} written in decimal). */
    public BigDecimal asDecimal() {
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw notA("number");
        }
    }

    /** {@code Db} or {@code Sg}, reading XML Schema's {@code INF}, {@code -INF} and {@code NaN}. */
    public double asDouble() {
        String s = raw.strip();
        switch (s) {
            case "INF":
                return Double.POSITIVE_INFINITY;
            case "-INF":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw notA("number");
                }
        }
    }

    /** {@code B}: {@code true}/{@code false} (or XML Schema's {@code 1}/{@code 0}). */
    public boolean asBoolean() {
        String s = raw.strip();
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return true;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return false;
        }
        throw notA("boolean");
    }

    /** {@code DT} with an offset or {@code Z}; a .NET DateTime of unspecified kind has none and cannot be placed in time. */
    public Instant asInstant() {
        TemporalAccessor parsed = parseDateTime();
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("<" + tag + "> " + raw + " has no time zone, so it is no instant");
    }

    /** {@code DT} as written, offset dropped. */
    public LocalDateTime asLocalDateTime() {
        TemporalAccessor parsed = parseDateTime();
        return parsed instanceof OffsetDateTime offset ? offset.toLocalDateTime() : (LocalDateTime) parsed;
    }

    /** {@code TS}, an XML Schema duration as .NET writes a TimeSpan ({@code PT5M}, {@code P1DT2H0.5S}). */
    public Duration asDuration() {
        try {
            return Duration.parse(raw.strip());
        } catch (DateTimeException e) {
            throw notA("duration");
        }
    }

    public UUID asUuid() {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw notA("GUID");
        }
    }

    /** {@code BA}, base64; refused for a secure string, which stays opaque. */
    public byte[] asBytes() {
        if (isSecureString()) {
            throw new IllegalStateException("a secure string is kept opaque and never decoded");
        }
        try {
            return Base64.getMimeDecoder().decode(raw.strip());
        } catch (IllegalArgumentException e) {
            throw notA("base64 byte array");
        }
    }

    /** {@code C}, which CliXml writes as the character's number; or a one-character string. */
    public char asChar() {
        if (!tag.equals("C") && raw.length() == 1) {
            return raw.charAt(0);
        }
        long code = asLong();
        if (code < Character.MIN_VALUE || code > Character.MAX_VALUE) {
            throw notA("character");
        }
        return (char) code;
    }

    @Override
    public String toString() {
        return "PsPrimitive[tag=" + tag + ", raw=" + (isSecureString() ? "(secure string, not shown)" : raw) + "]";
    }

    private TemporalAccessor parseDateTime() {
        try {
            return DateTimeFormatter.ISO_DATE_TIME.parseBest(raw.strip(), OffsetDateTime::from, LocalDateTime::from);
        } catch (DateTimeException e) {
            throw notA("date and time");
        }
    }

    private IllegalStateException notA(String what) {
        String shown = isSecureString() ? "(secure string)" : "'" + raw + "'";
        return new IllegalStateException("<" + tag + "> " + shown + " is not a " + what);
    }
}
