package uccx.compliance.collector.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version in {@code AdminDisplayVersion}: {@code Version 14.3 (Build 123.4)} is Exchange 2010
 * (major 14) Service Pack 3 (the minor number is the service pack level).
 */
public record ServerVersion(int major, int minor, String build) {

    private static final Pattern FORMAT = Pattern.compile("(?i)Version\\s+(\\d+)\\.(\\d+)\\s*\\(Build\\s+([\\d.]+)\\)");

    public static ServerVersion parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new IllegalArgumentException("'" + text + "' is not an Exchange version (expected 'Version 14.3 (Build 123.4)')");
        }
        return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3));
    }

    public boolean isExchange2010() {
        return major == 14;
    }

    /** How the environment file names it: 2010-RTM, 2010-SP1, ... or the raw version for other products. */
    public String label() {
        if (!isExchange2010()) {
            return "Exchange " + major + "." + minor + " (not 2010)";
        }
        return minor == 0 ? "2010-RTM" : "2010-SP" + minor;
    }
}
