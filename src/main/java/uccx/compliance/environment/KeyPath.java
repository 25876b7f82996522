package uccx.compliance.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits in an environment file, as a reader names it:
 * {@code exchange.management.port}, {@code waivers[0].expires}, {@code lab.servers[1].registry['HKLM\...']}.
 *
 * @param elements keys (String) and list indexes (Integer), from the top
 */
record KeyPath(List<Object> elements) {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    KeyPath {
        elements = List.copyOf(elements);
    }

    static KeyPath root() {
        return new KeyPath(List.of());
    }

    KeyPath key(String key) {
        return with(key);
    }

    KeyPath index(int index) {
        return with(index);
    }

    boolean isRoot() {
        return elements.isEmpty();
    }

    KeyPath parent() {
        return new KeyPath(elements.subList(0, Math.max(0, elements.size() - 1)));
    }

    /** The last key, or empty at the top or after a list index. */
    String lastKey() {
        return !elements.isEmpty() && elements.get(elements.size() - 1) instanceof String s ? s : "";
    }

    /** Whether this path lies under (or is) the given top-level key. */
    boolean startsWith(String topKey) {
        return !elements.isEmpty() && topKey.equals(elements.get(0));
    }

    private KeyPath with(Object element) {
        List<Object> e = new ArrayList<>(elements);
        e.add(element);
        return new KeyPath(e);
    }

    @Override
    public String toString() {
        if (elements.isEmpty()) {
            return "(top level)";
        }
        StringBuilder b = new StringBuilder();
        for (Object e : elements) {
            if (e instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else if (PLAIN_KEY.matcher((String) e).matches()) {
                b.append(b.length() == 0 ? "" : ".").append(e);
            } else {
                // Registry keys and value names hold dots, spaces and backslashes.
                b.append("['").append(e).append("']");
            }
        }
        return b.toString();
    }
}
