package uccx.compliance.environment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A resolved secret. Its value only leaves through {@link #reveal()}, so that a record holding
 * it can be printed, logged or put in an exception message without showing it.
 */
public final class Secret {

    private final String source;
    private final String value;

    /**
     * @param source where the value came from, e.g. {@code ${UCCX_MAILBOX_PASSWORD}}; shown in messages
     * @param value  the secret itself
     */
    public Secret(String source, String value) {
        this.source = Objects.requireNonNull(source, "source");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself: call it only where it is sent to the server that asks for it. */
    public String reveal() {
        return value;
    }

    /** Where the value came from, e.g. {@code ${UCCX_MAILBOX_PASSWORD}}. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "secret from " + source;
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time, so that comparing secrets says nothing about where they differ.
        return other instanceof Secret s && source.equals(s.source) && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        // The source only: a hash of the value would be a clue to it.
        return source.hashCode();
    }
}
