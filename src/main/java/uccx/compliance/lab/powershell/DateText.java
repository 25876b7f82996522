package uccx.compliance.lab.powershell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the end section's {@code CollectedAt = ...} becomes. A DateTime stays a DateTime, which
 * CliXml writes in one invariant form. A DateTime formatted with {@code .ToString('<format>')}
 * becomes text in the current culture: .NET's ':' custom specifier is the culture's
 * DateTimeFormatInfo.TimeSeparator, and Regional settings may change it ("Custom date and time
 * format strings", Microsoft documentation); only {@code [Globalization.CultureInfo]::InvariantCulture}
 * keeps ':'.
 */
final class DateText {

    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^\\s*CollectedAt\\s*=\\s*(.+)$");
    private static final Pattern TO_STRING = Pattern.compile("\\.ToString\\(\\s*'([^']*)'\\s*(,[^)]*)?\\)");

    private DateText() {
    }

    static Serialized of(String endSection, Instant now, String timeSeparator) {
        Matcher assignment = ASSIGNMENT.matcher(endSection);
        if (!assignment.find()) {
            return new Serialized.Time(now);
        }
        Matcher formatted = TO_STRING.matcher(assignment.group(1));
        if (!formatted.find()) {
            return new Serialized.Time(now);
        }
        boolean invariant = formatted.group(2) != null && formatted.group(2).contains("InvariantCulture");
        return new Serialized.Text(format(formatted.group(1), now, invariant ? ":" : timeSeparator));
    }

    /** The custom format's specifiers the script may use; any other letter is a literal, as .NET treats it. */
    static String format(String dotNetFormat, Instant now, String timeSeparator) {
        StringBuilder java = new StringBuilder();
        for (int i = 0; i < dotNetFormat.length(); i++) {
            char c = dotNetFormat.charAt(i);
            if ("yMdHhmsf".indexOf(c) >= 0) {
                java.append(c);
            } else if (c == ':') {
                java.append('\'').append(timeSeparator.replace("'", "''")).append('\'');
            } else if (c == '\\' && i + 1 < dotNetFormat.length()) {
                java.append('\'').append(dotNetFormat.charAt(++i)).append('\'');
            } else if (Character.isLetter(c) || c == '\'') {
                java.append('\'').append(c == '\'' ? "''" : String.valueOf(c)).append('\'');
            } else {
                java.append(c);
            }
        }
        return DateTimeFormatter.ofPattern(java.toString()).format(now.atOffset(ZoneOffset.UTC));
    }
}
