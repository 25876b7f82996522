package uccx.compliance.lab.imap;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One endpoint's connection counts: all connections and per source address (checked at connect,
 * before the greeting) and logged-in sessions per user (checked at login).
 */
final class Admission {

    private final OptionalInt maxConnections;
    private final OptionalInt maxFromSingleIp;
    private final OptionalInt maxPerUser;
    private int connections;
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private final Map<String, Integer> perUser = new HashMap<>();

    Admission(ImapEndpointSettings settings) {
        this.maxConnections = settings.maxConnections();
        this.maxFromSingleIp = settings.maxConnectionFromSingleIP();
        this.maxPerUser = settings.maxConnectionsPerUser();
    }

    synchronized boolean tryConnect(InetAddress source) {
        int fromSource = perAddress.getOrDefault(source, 0);
        if (exceeds(maxConnections, connections) || exceeds(maxFromSingleIp, fromSource)) {
            return false;
        }
        connections++;
        perAddress.put(source, fromSource + 1);
        return true;
    }

    synchronized void disconnect(InetAddress source) {
        connections--;
        perAddress.computeIfPresent(source, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** The user's session count after admitting this one, or empty past MaxConnectionsPerUser. */
    synchronized OptionalInt tryLogin(String user) {
        int current = perUser.getOrDefault(key(user), 0);
        if (exceeds(maxPerUser, current)) {
            return OptionalInt.empty();
        }
        perUser.put(key(user), current + 1);
        return OptionalInt.of(current + 1);
    }

    synchronized void logout(String user) {
        perUser.computeIfPresent(key(user), (k, n) -> n > 1 ? n - 1 : null);
    }

    synchronized int sessions(String user) {
        return perUser.getOrDefault(key(user), 0);
    }

    synchronized int connections() {
        return connections;
    }

    private static boolean exceeds(OptionalInt limit, int current) {
        return limit.isPresent() && current >= limit.getAsInt();
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }
}
