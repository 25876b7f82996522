package uccx.compliance.environment;

/** How a live probe secures its mail connection; written {@code none}, {@code starttls} or {@code ssl}. */
public enum ImapSecurity {
    NONE, STARTTLS, SSL;

    /** How the environment file writes it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
