package uccx.compliance.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A live control's conversation with the server (redacted: the probes never record a password),
 * kept as a file of the run folder, {@code transcripts/<control>-<target>.txt}, so that the evidence
 * bundle, its manifest and the OSCAL observation hold what the result rests on, not only the report.
 */
public record KeptTranscript(String control, String target, String text) {

    public static final String FOLDER = "transcripts";

    public KeptTranscript {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(text, "text");
    }

    /** This transcript's path in the run folder, with {@code /}. */
    public String path() {
        return pathOf(control, target);
    }

    /**
     * Where the transcript of a control on a target lies in a run folder. A target is a host name, a
     * {@code host:port} or a connector identity ({@code EXCH01\UCCX Relay}): whatever a file name may not
     * hold becomes {@code _}, and then a short hash of the target as written keeps two targets that
     * read the same that way apart.
     */
    public static String pathOf(String control, String target) {
        String safe = target.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = target.isEmpty() ? control : control + "-" + safe + (safe.equals(target) ? "" : "-" + shortHash(target));
        return FOLDER + "/" + name + ".txt";
    }

    private static String shortHash(String target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
