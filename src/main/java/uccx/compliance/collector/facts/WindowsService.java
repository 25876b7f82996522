package uccx.compliance.collector.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Windows service of a server as WMI's {@code Win32_Service} gives it, with the start time of
 * its process ({@code Win32_Process.CreationDate}).
 *
 * @param startMode {@code Auto}, {@code Manual} or {@code Disabled} (Win32_Service.StartMode; {@code Boot} and
 *                  {@code System} exist for drivers)
 * @param state     {@code Running}, {@code Stopped}, {@code Start Pending}, ...
 * @param processId 0 when the service does not run
 * @param startedAt when its process was created; empty when it does not run or the time was not readable
 */
public record WindowsService(String server, String name, String startMode, String state, long processId, Optional<Instant> startedAt) {

    public boolean startsAutomatically() {
        return "Auto".equalsIgnoreCase(startMode.trim());
    }

    public boolean isRunning() {
        return "Running".equalsIgnoreCase(state.trim());
    }

    /**
     * WMI's CIM_DATETIME text, {@code yyyymmddHHMMSS.mmmmmmsUUU}: local time, then the offset from UTC
     * in minutes with its sign (Microsoft Learn, "CIM_DATETIME"; for example
     * {@code 20261201054800.123456+060}). Empty for empty text; anything else that is not that form
     * is an error, never a guess.
     */
    private static final Pattern CIM_DATETIME = Pattern.compile("(\\d{14})\\.(\\d{6})([+-])(\\d{3})");

    public static Optional<Instant> parseCimDateTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = CIM_DATETIME.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("CreationDate '" + text + "' is not a WMI CIM_DATETIME");
        }
        LocalDateTime local = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                .plusNanos(Long.parseLong(m.group(2)) * 1000);
        int minutes = Integer.parseInt(m.group(4)) * (m.group(3).equals("-") ? -1 : 1);
        return Optional.of(local.toInstant(ZoneOffset.ofTotalSeconds(minutes * 60)));
    }
}
