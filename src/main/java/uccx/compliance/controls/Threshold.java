package uccx.compliance.controls;

/**
 * A minimum a setting must reach, and why: the checklist's value, or the need derived from the
 * number of agents when that is higher.
 *
 * @param reason how the number came about, shown in every message about it
 */
public record Threshold(String setting, long minimum, String reason) {

    public static Threshold checklist(String setting, long value) {
        return of(setting, value, value);
    }

    /** A checklist threshold as the environment has it: the checklist's value, or a higher one the environment file sets. */
    public static Threshold of(String setting, long inEffect, long checklistValue) {
        return new Threshold(setting, inEffect, inEffect > checklistValue
                ? "raised by the environment file from the checklist value " + checklistValue : "checklist value");
    }

    public static Threshold derived(String setting, long checklistValue, int agents) {
        return derived(setting, checklistValue, checklistValue, agents);
    }

    /**
     * max(value in effect, 2 × (agents + 1)): every agent desktop and the UCCX server open two IMAP
     * connections with the same account, each a store service session.
     */
    public static Threshold derived(String setting, long inEffect, long checklistValue, int agents) {
        long need = uccx.compliance.environment.Uccx.imapConnectionsNeeded(agents);
        String source = inEffect > checklistValue
                ? "environment file value " + inEffect + " (checklist value " + checklistValue + ")"
                : "checklist value " + checklistValue;
        String reason = need > inEffect
                ? "derived need 2 x (" + agents + " agents + 1) = " + need + " binds; " + source
                : source + " binds; derived need 2 x (" + agents + " agents + 1) = " + need;
        return new Threshold(setting, Math.max(need, inEffect), reason);
    }

    @Override
    public String toString() {
        return "at least " + minimum + " (" + reason + ")";
    }
}
