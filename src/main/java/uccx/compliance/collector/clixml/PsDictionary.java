package uccx.compliance.collector.clixml;

import java.util.List;
import java.util.Optional;

/** A dictionary ({@code DCT}), entries in the order written. */
public record PsDictionary(List<Entry> entries) implements PsValue {

    /** One {@code En}: its {@code Key} and {@code Value}. */
    public record Entry(PsValue key, PsValue value) {
    }

    public PsDictionary {
        entries = List.copyOf(entries);
    }

    /** The value under a key whose text is {@code key}, case-insensitive as PowerShell's hashtables are. */
    public Optional<PsValue> get(String key) {
        return entries.stream()
                .filter(e -> key.equalsIgnoreCase(e.key().text()))
                .map(Entry::value)
                .findFirst();
    }

    /** Rendered as {@code @{key=value; ...}}: readable evidence, since PowerShell itself prints only the type name. */
    @Override
    public String text() {
        return "@{" + String.join("; ", texts()) + "}";
    }

    /** Each entry as {@code key=value}. */
    @Override
    public List<String> texts() {
        return entries.stream().map(e -> e.key().text() + "=" + textOrEmpty(e.value())).toList();
    }

    private static String textOrEmpty(PsValue value) {
        String text = value.text();
        return text == null ? "" : text;
    }
}
