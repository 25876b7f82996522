package uccx.compliance.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uccx.compliance.controls.Control;

/**
 * What changed between an earlier run of an environment and this one, per control and target: the
 * outcome, and the value found of every setting the control judged in both (or in one only).
 *
 * <p>Two kinds of value are not compared, because they change every night without anything being
 * changed: the rows of the live probes (they say how this night's connections went: how many
 * milliseconds, and in the lab a fresh port each run), whose outcome alone is compared; and moments
 * inside a value ("Running since 2026-12-02T07:55:30Z", "expires on 2027-02-21 07:55 UTC, in 80
 * days"), which are masked before comparing, so a setting that only aged is no change. A summary
 * written before results listed their settings compares by outcome only.
 */
public final class RunComparison {

    private static final Pattern MOMENT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2}| UTC)?)?");
    private static final Pattern SPAN = Pattern.compile("\\b\\d+(?:\\.\\d+)? ?(?:ms|s|seconds?|minutes?|hours?|days?)\\b");

    private RunComparison() {
    }

    /** The changes in checklist order ({@code controlOrder}; other IDs last, by name), then by target. */
    public static List<Change> between(EarlierRun earlier, List<ControlResult> now, List<String> controlOrder) {
        Map<String, ControlResult> before = byKey(earlier.results());
        Map<String, ControlResult> after = byKey(now);
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            Optional<ControlResult> was = Optional.ofNullable(before.get(key));
            Optional<ControlResult> is = Optional.ofNullable(after.get(key));
            ControlResult either = is.orElseGet(was::orElseThrow);
            List<Change.SettingChange> settings = was.isPresent() && is.isPresent() && earlier.settingsRecorded()
                    && !isLiveProbe(either.control()) ? settingChanges(was.get().settings(), is.get().settings()) : List.of();
            Optional<Outcome> from = was.map(ControlResult::outcome);
            Optional<Outcome> to = is.map(ControlResult::outcome);
            if (!from.equals(to) || !settings.isEmpty()) {
                changes.add(new Change(either.control(), either.target(), from, to, settings));
            }
        }
        Comparator<String> checklist = Comparator.comparingInt((String id) -> controlOrder.contains(id) ? controlOrder.indexOf(id)
                : controlOrder.size()).thenComparing(Comparator.naturalOrder());
        changes.sort(Comparator.comparing(Change::control, checklist).thenComparing(Change::target));
        return changes;
    }

    /** "3 changes since 20261127T021500Z", "no changes since ...", or "no earlier run to compare with". */
    public static String headline(Optional<String> comparedWith, List<Change> changes) {
        if (comparedWith.isEmpty()) {
            return "no earlier run to compare with";
        }
        return (changes.isEmpty() ? "no" : Integer.toString(changes.size())) + " change" + (changes.size() == 1 ? "" : "s") + " since "
                + comparedWith.get();
    }

    /** The headline and at most {@code shown} changes, one line: what the report's overview says. */
    public static String inOneLine(Optional<String> comparedWith, List<Change> changes, int shown) {
        String listed = changes.stream().limit(shown).map(Change::brief).reduce((a, b) -> a + "; " + b).map(l -> ": " + l).orElse("");
        String more = changes.size() > shown ? "; and " + (changes.size() - shown) + " more (summary.json, changes)" : "";
        return headline(comparedWith, changes) + listed + more;
    }

    private static List<Change.SettingChange> settingChanges(List<JudgedSetting> before, List<JudgedSetting> after) {
        Map<String, String> was = found(before);
        Map<String, String> is = found(after);
        Set<String> names = new LinkedHashSet<>(is.keySet());
        names.addAll(was.keySet());
        List<Change.SettingChange> changed = new ArrayList<>();
        for (String name : names) {
            Optional<String> b = Optional.ofNullable(was.get(name));
            Optional<String> a = Optional.ofNullable(is.get(name));
            if (!b.map(RunComparison::comparable).equals(a.map(RunComparison::comparable))) {
                changed.add(new Change.SettingChange(name, b, a));
            }
        }
        return changed;
    }

    /** The value as compared: its moments and spans of time masked. */
    static String comparable(String found) {
        return SPAN.matcher(MOMENT.matcher(found).replaceAll("<moment>")).replaceAll("<span>");
    }

    /** A setting judged twice on one target (rare) is one value: both, in the order judged. */
    private static Map<String, String> found(List<JudgedSetting> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        settings.forEach(s -> values.merge(s.name(), s.found(), (a, b) -> a + ", " + b));
        return values;
    }

    private static Map<String, ControlResult> byKey(List<ControlResult> results) {
        Map<String, ControlResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.control() + "\n" + r.target(), r));
        return map;
    }

    private static boolean isLiveProbe(String controlId) {
        for (Control control : Control.values()) {
            if (control.id().equals(controlId)) {
                return control.section() == Control.Section.LIVE;
            }
        }
        return false;
    }
}
