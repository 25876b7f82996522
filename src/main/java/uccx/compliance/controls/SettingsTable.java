package uccx.compliance.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The settings one control judged on one target, in the order they were judged. Allure shows it
 * as a table (CSV), which is why every cell is quoted.
 */
public final class SettingsTable {

    private final List<SettingCheck> rows = new ArrayList<>();

    void complies(String setting, String expected, Object found, Optional<Threshold> threshold) {
        rows.add(new SettingCheck(setting, expected, String.valueOf(found), true, threshold));
    }

    void violated(SettingViolation violation) {
        rows.add(SettingCheck.violated(violation));
    }

    public List<SettingCheck> rows() {
        return List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The thresholds behind the rows, each once: the description says where each number came from. */
    List<Threshold> thresholds() {
        return rows.stream().map(SettingCheck::threshold).flatMap(Optional::stream).distinct().toList();
    }

    String toCsv() {
        return rows.stream().map(r -> String.join(",", cell(r.setting()), cell(r.expected()), cell(r.found()),
                        cell(r.complies() ? "complies" : "VIOLATES")))
                .collect(Collectors.joining("\n", "\"Setting\",\"Expected\",\"Found\",\"Result\"\n", "\n"));
    }

    private static String cell(String text) {
        return '"' + text.replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + '"';
    }
}
