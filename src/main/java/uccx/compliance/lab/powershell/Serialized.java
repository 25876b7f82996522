package uccx.compliance.lab.powershell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value as PowerShell serializes it into CliXml: what the lab writes where a real Exchange
 * 2010 server's powershell.exe would.
 */
public sealed interface Serialized {

    /** {@code <S>}: a string. */
    record Text(String value) implements Serialized {
    }

    /** {@code <I32>}, {@code <U32>} or {@code <I64>}: a number with its CliXml tag. */
    record Number(String tag, long value) implements Serialized {
    }

    /** {@code <B>}. */
    record Bool(boolean value) implements Serialized {
    }

    /** {@code <DT>}: a local date and time with offset, as .NET writes DateTime. */
    record Time(Instant value) implements Serialized {
    }

    /** {@code <Nil/>}: {@code $null}. */
    record Nil() implements Serialized {
    }

    /** {@code <Obj>} with type names, ToString, an optional base value (enums) and properties in order. */
    record Obj(List<String> typeNames, Optional<String> toStringText, Optional<Serialized> baseValue, List<Property> properties)
            implements Serialized {
        public Obj {
            typeNames = List.copyOf(typeNames);
            properties = List.copyOf(properties);
        }
    }

    /** {@code <Obj><LST>}: an array. */
    record ListOf(List<String> typeNames, List<Serialized> items) implements Serialized {
        public ListOf {
            typeNames = List.copyOf(typeNames);
            items = List.copyOf(items);
        }
    }

    record Property(String name, Serialized value) {
    }

    static Serialized text(String value) {
        return value == null ? new Nil() : new Text(value);
    }

    static Serialized int32(long value) {
        return new Number("I32", value);
    }

    /** Builds a PSCustomObject as Select-Object or New-Object PSObject makes it. */
    static Builder customObject(String firstTypeName) {
        return new Builder(firstTypeName);
    }

    final class Builder {
        private final List<String> typeNames = new ArrayList<>();
        private final List<Property> properties = new ArrayList<>();

        private Builder(String firstTypeName) {
            if (firstTypeName != null) {
                typeNames.add(firstTypeName);
            }
            typeNames.add("System.Management.Automation.PSCustomObject");
            typeNames.add("System.Object");
        }

        public Builder with(String name, Serialized value) {
            properties.add(new Property(name, value));
            return this;
        }

        public Builder with(String name, String value) {
            return with(name, text(value));
        }

        public Obj build() {
            return new Obj(typeNames, Optional.empty(), Optional.empty(), properties);
        }
    }
}
