package uccx.compliance.collector.clixml;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An object while its elements are read; what a cyclic {@code Ref} sees of it. */
final class ObjectBuilder {
    private final String stream;
    private final Map<String, PsValue> properties = new LinkedHashMap<>();
    private final Set<String> lowerCaseNames = new HashSet<>();
    private List<String> typeNames = List.of();
    private String toStringText;
    private PsValue baseValue;

    ObjectBuilder(String stream) {
        this.stream = stream;
    }

    void typeNames(List<String> names) {
        typeNames = names;
    }

    void toStringText(String text) {
        toStringText = text;
    }

    boolean hasBaseValue() {
        return baseValue != null;
    }

    void baseValue(PsValue value) {
        baseValue = value;
    }

    /**
     * PowerShell names are case-insensitive, so a second member of the same name is dropped:
     * Props come before MS, and the adapted property is the object's own value.
     */
    void addProperty(String name, PsValue value) {
        if (lowerCaseNames.add(name.toLowerCase(Locale.ROOT))) {
            properties.put(name, value);
        }
    }

    PsObject build() {
        return new PsObject(typeNames, Optional.ofNullable(toStringText), properties,
                Optional.ofNullable(baseValue), stream);
    }

    PsObject shallow() {
        return new PsObject(typeNames, Optional.ofNullable(toStringText), Map.of(), Optional.empty(), stream);
    }
}
