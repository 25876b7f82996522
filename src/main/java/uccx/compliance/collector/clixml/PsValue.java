package uccx.compliance.collector.clixml;

import java.util.List;
import java.util.Optional;

/**
 * One value read from CliXml: what a deserialized PowerShell object holds, without the .NET
 * types behind it. Facts are read through {@link #text()} because that is the one form every
 * value has after remoting: PowerShell 2.0 sends nested objects beyond the serialization depth
 * as their {@code ToString} only.
 */
public sealed interface PsValue permits PsNull, PsPrimitive, PsObject, PsList, PsDictionary {

    /**
     * The value as PowerShell prints it: a primitive's text, an object's {@code ToString}
     * ({@code unlimited}, {@code EXCH01\UCCX Relay}, {@code 2 GB (2,147,483,648 bytes)}), a
     * collection's items joined with {@code ", "}; {@code null} only for {@code $null}.
     */
    String text();

    /** The texts of a collection's items ({@code $null} items left out); one text for a single value; none for {@code $null}. */
    default List<String> texts() {
        String text = text();
        return text == null ? List.of() : List.of(text);
    }

    /** True when this is {@code $null} ({@code <Nil/>}). */
    default boolean isNull() {
        return this instanceof PsNull;
    }

    /**
     * True when one of the type names is {@code typeName}, ignoring the {@code Deserialized.} and
     * {@code Selected.} prefixes, generic arguments and, when {@code typeName} has no namespace,
     * the namespace: {@code Unlimited} matches
     * {@code Deserialized.Microsoft.Exchange.Data.Unlimited`1[[System.Int32, ...]]}.
     */
    default boolean isTypeOf(String typeName) {
        return false;
    }

    /** A property of an object (case-insensitive, as in PowerShell); empty for anything else. */
    default Optional<PsValue> property(String name) {
        return Optional.empty();
    }

    /** The primitive this value is or wraps (an enum's {@code I32}, a string with note properties); empty otherwise. */
    default Optional<PsPrimitive> primitive() {
        return Optional.empty();
    }
}
