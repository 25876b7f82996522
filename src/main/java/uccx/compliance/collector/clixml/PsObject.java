package uccx.compliance.collector.clixml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A complex object ({@code <Obj>}).
 *
 * @param typeNames    most specific first, as written (with {@code Deserialized.}/{@code Selected.} if present);
 *                     {@code TNRef} back-references already resolved
 * @param toStringText its {@code <ToString>}, when written
 * @param properties   adapted ({@code Props}) and extended ({@code MS}) properties merged, in the
 *                     order written; a Select-Object result carries all of its properties in {@code MS}
 * @param baseValue    what the object wraps: an enum's {@code I32}, a string with note
 *                     properties, a collection's {@code LST}, a dictionary's {@code DCT}
 * @param stream       the stream a top-level object was written to ({@code Error}, {@code Warning},
 *                     ...), empty when not marked, as for nested objects and plain output
 */
public record PsObject(List<String> typeNames, Optional<String> toStringText, Map<String, PsValue> properties,
                       Optional<PsValue> baseValue, String stream) implements PsValue {

    public PsObject {
        typeNames = List.copyOf(typeNames);
        Objects.requireNonNull(toStringText, "toStringText");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        Objects.requireNonNull(baseValue, "baseValue");
        Objects.requireNonNull(stream, "stream");
    }

    /**
     * The property named {@code name}, case-insensitive as in PowerShell. Empty when the object
     * has no such property at all; a {@code $null} property is present as {@link PsNull}. The
     * difference matters: Exchange 2010 RTM throttling policies have no CPA* properties, while
     * an unset budget is {@code <Nil/>}.
     */
    @Override
    public Optional<PsValue> property(String name) {
        PsValue exact = properties.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return properties.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** Whether the property exists, even as {@code $null}. */
    public boolean hasProperty(String name) {
        return property(name).isPresent();
    }

    /**
     * The {@code ToString}; for a collection its items, since a collection's {@code ToString} is
     * at best its type name; for an object with neither, the {@code @{Name=value; ...}} form
     * PowerShell gives a custom object.
     */
    @Override
    public String text() {
        Optional<PsValue> collection = baseValue.filter(b -> b instanceof PsList || b instanceof PsDictionary);
        if (collection.isPresent()) {
            return collection.get().text();
        }
        if (toStringText.isPresent()) {
            return toStringText.get();
        }
        if (baseValue.isPresent()) {
            return baseValue.get().text();
        }
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + Objects.requireNonNullElse(e.getValue().text(), ""))
                .collect(Collectors.joining("; ", "@{", "}"));
    }

    @Override
    public List<String> texts() {
        if (baseValue.isPresent() && (baseValue.get() instanceof PsList || baseValue.get() instanceof PsDictionary)) {
            return baseValue.get().texts();
        }
        return List.of(text());
    }

    @Override
    public boolean isTypeOf(String typeName) {
        return typeNames.stream().anyMatch(t -> TypeNames.matches(t, typeName));
    }

    @Override
    public Optional<PsPrimitive> primitive() {
        return baseValue.flatMap(PsValue::primitive);
    }
}
