package uccx.compliance.collector.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The KDCs krb5.conf names for a realm, only to say which one could not be reached: the JDK's
 * own failure says "Connection refused" and nothing of where. Read from the file the JDK reads
 * (JDK {@code sun.security.krb5.Config}: {@code java.security.krb5.conf}, else
 * {@code <java.home>/conf/security/krb5.conf}, else {@code /etc/krb5.conf}); read, never set.
 */
final class KdcAddresses {

    private KdcAddresses() {
    }

    /** For example {@code dc01.corp.example.com:88 (krb5.conf /etc/krb5.conf)}. */
    static String of(String realm) {
        Path file = krb5Conf();
        List<String> kdcs = kdcs(file, realm);
        String where = "krb5.conf " + file;
        return kdcs.isEmpty() ? "none named in " + where + " for the realm (DNS lookup, if dns_lookup_kdc allows it)"
                : String.join(", ", kdcs) + " (" + where + ")";
    }

    private static Path krb5Conf() {
        String property = System.getProperty("java.security.krb5.conf");
        if (property != null) {
            return Path.of(property);
        }
        Path javaHome = Path.of(System.getProperty("java.home"), "conf", "security", "krb5.conf");
        return Files.exists(javaHome) ? javaHome : Path.of("/etc/krb5.conf");
    }

    /** The {@code kdc = } lines of {@code REALM = { ... }} under {@code [realms]}. */
    static List<String> kdcs(Path file, String realm) {
        List<String> kdcs = new ArrayList<>();
        try {
            boolean realms = false;
            boolean inRealm = false;
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.startsWith("[")) {
                    realms = line.equals("[realms]");
                    inRealm = false;
                } else if (realms && line.replace(" ", "").equalsIgnoreCase(realm + "={")) {
                    inRealm = true;
                } else if (inRealm && line.startsWith("}")) {
                    inRealm = false;
                } else if (inRealm && line.matches("kdc\\s*=.*")) {
                    kdcs.add(line.substring(line.indexOf('=') + 1).strip());
                }
            }
        } catch (IOException unreadable) {
            // The JDK could not read it either; the caller says which file it was.
        }
        return kdcs;
    }
}
