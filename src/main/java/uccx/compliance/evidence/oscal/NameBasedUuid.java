package uccx.compliance.evidence.oscal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Version-5 (SHA-1, name-based) UUIDs, RFC 4122 section 4.3: the same name gives the same UUID, so
 * the observation of IMAP-01 on EXCH02 in one run keeps its UUID however often the file is written,
 * and a target keeps its UUID from run to run. Java's {@link UUID#nameUUIDFromBytes} makes version 3
 * (MD5), which OSCAL's UUID pattern refuses: it admits versions 4 and 5 only
 * (OSCAL 1.1.3 metaschema, data type {@code uuid}).
 */
final class NameBasedUuid {

    /** The suite's own namespace for its names; a random version-4 UUID chosen once. */
    private static final UUID SUITE = UUID.fromString("d60fb916-5d3c-4165-a0ce-2c409c2e0874");

    private NameBasedUuid() {
    }

    /** @param parts the name, joined with '/': e.g. lab, 20261203T010942Z, observation, IMAP-01, EXCH02 */
    static UUID of(String... parts) {
        byte[] name = String.join("/", parts).getBytes(StandardCharsets.UTF_8);
        byte[] hash;
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(SUITE.getMostSignificantBits()).putLong(SUITE.getLeastSignificantBits()).array());
            hash = sha1.digest(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the RFC 4122 variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }
}
