package uccx.compliance.evidence;

import java.util.List;
import java.util.Optional;

/**
 * How one control on one target differs from the earlier run: its outcome (empty {@code from}: a
 * target that is new; empty {@code to}: one that vanished) and the setting values that differ.
 */
public record Change(String control, String target, Optional<Outcome> from, Optional<Outcome> to, List<SettingChange> settings) {

    public Change {
        settings = List.copyOf(settings);
    }

    /** A setting's value in the earlier run and in this one; empty where the run did not judge it. */
    public record SettingChange(String name, Optional<String> before, Optional<String> after) {
    }

    /** One line: {@code IMAP-01 EXCH02 compliant -> non-compliant (MaxConnections 2400 -> 16)}. */
    public String brief() {
        String values = settings.isEmpty() ? "" : settings.stream()
                .map(s -> s.name() + " " + s.before().orElse("(none)") + " -> " + s.after().orElse("(none)"))
                .reduce((a, b) -> a + "; " + b).map(s -> " (" + s + ")").orElse("");
        return control + " " + (target.isEmpty() ? "(organization)" : target) + " " + label(from, "(new)") + " -> "
                + label(to, "(gone)") + values;
    }

    private static String label(Optional<Outcome> outcome, String none) {
        return outcome.map(Outcome::label).orElse(none);
    }
}
