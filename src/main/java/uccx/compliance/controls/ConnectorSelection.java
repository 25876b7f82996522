package uccx.compliance.controls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uccx.compliance.collector.facts.ReceiveConnectorBinding;

/**
 * SMTP-02: which receive connector of one Exchange 2010 server takes a connection from the UCCX
 * server's IPv4 address to port 25, worked out as Exchange's transport does it.
 *
 * <p>The rule. Every receive connector of a server is a unique combination of local IP address and
 * port ({@code Bindings}) and remote address ranges ({@code RemoteIPRanges}); when more than one
 * connector of the server could take a connection, Exchange uses the most specific match (Exchange
 * 2007 and 2010 documentation, "Receive connectors" / "Understanding Receive Connectors",
 * technet.microsoft.com/library/aa996395(v=exchg.141): "each Receive connector must have a unique
 * combination of local IP address, port, and remote IP address range"; the Exchange 2007 console's
 * help: "When more than one connector is available ..., Exchange evaluates the connectors and chooses
 * the most restrictive connector"). So: first the bindings, a connector bound to the exact local
 * address before one bound to {@code 0.0.0.0} (every IPv4 address of the server); then the most
 * specific {@code RemoteIPRanges} entry holding the client's address: a single address before a
 * CIDR block or a range, a smaller block or range before a larger one. A disabled connector
 * ({@code Enabled} false) is never selected.
 *
 * <p>The suite does not know which local address of the server the UCCX server connects to, so it
 * tries every one the connectors are bound to (each specific IPv4 address on port 25, and "any other
 * address", which only {@code 0.0.0.0} bindings take): each connector Exchange may select that way
 * must be in scope. IPv6 bindings ({@code [::]:25}) and IPv6 ranges never take an IPv4 client and
 * are ignored. Two equally specific matches (which Exchange should refuse to create) are both
 * reported.
 *
 * @param server     the Hub Transport server
 * @param client     the UCCX server's IPv4 address
 * @param selected   for each local address tried ({@code 0.0.0.0} meaning "any other"), the connectors Exchange selects;
 *                   an empty list means no enabled connector of the server accepts the client there
 * @param unreadable entries that are neither IPv4 nor IPv6 in a form this class reads, as {@code connector: entry}
 */
public record ConnectorSelection(String server, String client, Map<String, List<String>> selected, List<String> unreadable) {

    public static final int SMTP_PORT = 25;
    private static final String ANY = "0.0.0.0";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern MASKED = Pattern.compile("(.+)\\((.+)\\)");

    public ConnectorSelection {
        selected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(selected));
        unreadable = List.copyOf(unreadable);
    }

    /** Every connector selected for some local address, in the order found. */
    public Set<String> everySelected() {
        Set<String> all = new LinkedHashSet<>();
        selected.values().forEach(all::addAll);
        return all;
    }

    /** Whether some local address has no enabled connector that accepts the client. */
    public boolean refusedSomewhere() {
        return selected.values().stream().anyMatch(List::isEmpty);
    }

    /** What was selected, for the settings table: {@code 'EXCH01\Relay' (any local address)}. */
    public String describe() {
        if (selected.isEmpty()) {
            return "no enabled connector of " + server + " listens on port " + SMTP_PORT + " for IPv4";
        }
        return selected.entrySet().stream().map(e -> (e.getValue().isEmpty() ? "none accepts " + client
                : e.getValue().stream().map(c -> "'" + c + "'").collect(Collectors.joining(" or ")))
                + (e.getKey().equals(ANY) ? "" : " (local address " + e.getKey() + ")")).collect(Collectors.joining("; "));
    }

    /** The connector Exchange selects on {@code server} for {@code client} on port 25. */
    public static ConnectorSelection of(String server, String client, List<ReceiveConnectorBinding> connectors) {
        long address = ipv4(client).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + client));
        List<String> unreadable = new ArrayList<>();
        List<ReceiveConnectorBinding> onServer = connectors.stream().filter(c -> c.server().equalsIgnoreCase(server)).toList();
        // Each local address a connector of the server is bound to on port 25, for IPv4.
        Map<ReceiveConnectorBinding, Set<String>> local = new LinkedHashMap<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (ReceiveConnectorBinding c : onServer) {
            Set<String> bound = new LinkedHashSet<>();
            for (String binding : c.bindings()) {
                Optional<String> ip = ipv4BindingOnPort(binding, SMTP_PORT, c.identity(), unreadable);
                ip.ifPresent(bound::add);
            }
            if (c.enabled() && !bound.isEmpty()) {
                local.put(c, bound);
                addresses.addAll(bound);
            }
        }
        Map<String, List<String>> selected = new LinkedHashMap<>();
        if (!local.isEmpty()) {
            List<String> tried = new ArrayList<>(addresses.stream().filter(a -> !a.equals(ANY)).sorted().toList());
            tried.add(ANY);
            for (String localAddress : tried) {
                selected.put(localAddress, selectOn(localAddress, address, local, unreadable));
            }
            // "Any other address" is only a case of its own when some connector takes every address.
            if (!addresses.contains(ANY)) {
                selected.remove(ANY);
            }
        }
        return new ConnectorSelection(server, client, selected, unreadable.stream().distinct().toList());
    }

    /** On one local address: the exact binding before 0.0.0.0, then the smallest remote range holding the client. */
    private static List<String> selectOn(String localAddress, long client, Map<ReceiveConnectorBinding, Set<String>> local,
                                         List<String> unreadable) {
        for (boolean exact : new boolean[] {true, false}) {
            if (exact && localAddress.equals(ANY)) {
                continue;
            }
            String wanted = exact ? localAddress : ANY;
            Map<String, Long> matches = new LinkedHashMap<>();
            for (Map.Entry<ReceiveConnectorBinding, Set<String>> e : local.entrySet()) {
                if (!e.getValue().contains(wanted)) {
                    continue;
                }
                smallestRangeHolding(e.getKey(), client, unreadable).ifPresent(size -> matches.put(e.getKey().identity(), size));
            }
            if (!matches.isEmpty()) {
                long best = matches.values().stream().min(Comparator.naturalOrder()).orElseThrow();
                return matches.entrySet().stream().filter(m -> m.getValue() == best).map(Map.Entry::getKey).toList();
            }
        }
        return List.of();
    }

    /** The number of addresses of the connector's smallest RemoteIPRanges entry holding the client, if one does. */
    static Optional<Long> smallestRangeHolding(ReceiveConnectorBinding connector, long client, List<String> unreadable) {
        Optional<Long> smallest = Optional.empty();
        for (String entry : connector.remoteIpRanges()) {
            Optional<long[]> range = range(entry);
            if (range.isEmpty()) {
                if (!entry.contains(":")) {
                    unreadable.add(connector.identity() + ": RemoteIPRanges entry '" + entry + "'");
                }
                continue;
            }
            long[] r = range.get();
            if (client >= r[0] && client <= r[1]) {
                long size = r[1] - r[0] + 1;
                if (smallest.isEmpty() || size < smallest.get()) {
                    smallest = Optional.of(size);
                }
            }
        }
        return smallest;
    }

    /**
     * An IPv4 RemoteIPRanges entry as its first and last address: {@code 10.1.2.3}, {@code 10.1.2.0/24},
     * {@code 10.1.2.3-10.1.2.9}, and the form Set-ReceiveConnector also takes, {@code 10.1.2.0(255.255.255.0)}.
     * Empty for IPv6 or anything else.
     */
    static Optional<long[]> range(String entry) {
        String e = entry.trim();
        if (e.contains(":")) {
            return Optional.empty();
        }
        int dash = e.indexOf('-');
        if (dash > 0) {
            Optional<Long> from = ipv4(e.substring(0, dash));
            Optional<Long> to = ipv4(e.substring(dash + 1));
            return from.isPresent() && to.isPresent() && from.get() <= to.get()
                    ? Optional.of(new long[] {from.get(), to.get()}) : Optional.empty();
        }
        int slash = e.indexOf('/');
        Matcher masked = MASKED.matcher(e);
        if (slash > 0 || masked.matches()) {
            Optional<Long> base = ipv4(slash > 0 ? e.substring(0, slash) : masked.group(1));
            OptionalPrefix prefix = slash > 0 ? OptionalPrefix.ofLength(e.substring(slash + 1)) : OptionalPrefix.ofMask(masked.group(2));
            if (base.isEmpty() || prefix.length < 0) {
                return Optional.empty();
            }
            long size = 1L << (32 - prefix.length);
            long first = base.get() & ~(size - 1) & 0xFFFFFFFFL;
            return Optional.of(new long[] {first, first + size - 1});
        }
        return ipv4(e).map(a -> new long[] {a, a});
    }

    private record OptionalPrefix(int length) {
        static OptionalPrefix ofLength(String text) {
            try {
                int n = Integer.parseInt(text.trim());
                return new OptionalPrefix(n >= 0 && n <= 32 ? n : -1);
            } catch (NumberFormatException e) {
                return new OptionalPrefix(-1);
            }
        }

        static OptionalPrefix ofMask(String text) {
            Optional<Long> mask = ipv4(text);
            if (mask.isEmpty()) {
                return new OptionalPrefix(-1);
            }
            int ones = Long.bitCount(mask.get());
            long expected = ones == 0 ? 0 : (0xFFFFFFFFL << (32 - ones)) & 0xFFFFFFFFL;
            return new OptionalPrefix(mask.get() == expected ? ones : -1);
        }
    }

    /** The local IPv4 address of a binding on the port ({@code 0.0.0.0:25}, {@code 10.0.0.5:25}); empty for IPv6 or another port. */
    private static Optional<String> ipv4BindingOnPort(String binding, int port, String connector, List<String> unreadable) {
        String b = binding.trim();
        if (b.startsWith("[")) {
            return Optional.empty();
        }
        int colon = b.lastIndexOf(':');
        if (colon < 0 || b.indexOf(':') != colon) {
            if (colon < 0) {
                unreadable.add(connector + ": Bindings entry '" + binding + "'");
            }
            return Optional.empty();
        }
        Optional<Long> ip = ipv4(b.substring(0, colon));
        int p;
        try {
            p = Integer.parseInt(b.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (ip.isEmpty() || p < 0) {
            unreadable.add(connector + ": Bindings entry '" + binding + "'");
            return Optional.empty();
        }
        return p == port ? Optional.of(text(ip.get())) : Optional.empty();
    }

    static Optional<Long> ipv4(String text) {
        Matcher m = IPV4.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    private static String text(long address) {
        return String.format(Locale.ROOT, "%d.%d.%d.%d", (address >> 24) & 255, (address >> 16) & 255, (address >> 8) & 255, address & 255);
    }
}
