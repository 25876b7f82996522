package uccx.compliance.controls;

/**
 * A minimum a setting must reach, and why: the checklist's value, or the need derived from the
 * number of agents when that is higher.
 *
 * @param reason how the number came about, shown in every message about it
 */
public record Threshold(String setting, long minimum, String reason) {

    public static Threshold checklist(String setting, long value) {
        return new Threshold(setting, value, "checklist value");
    }

    /**
     * max(checklist value, 2 × (agents + 1)): every agent desktop and the UCCX server open two IMAP
     * connections with the same account, each a store service session.
     */
    public static Threshold derived(String setting, long checklistValue, int agents) {
        long need = 2L * (agents + 1);
        String reason = need > checklistValue
                ? "derived need 2 x (" + agents + " agents + 1) = " + need + " binds; checklist value " + checklistValue
                : "checklist value " + checklistValue + " binds; derived need 2 x (" + agents + " agents + 1) = " + need;
        return new Threshold(setting, Math.max(need, checklistValue), reason);
    }

    @Override
    public String toString() {
        return "at least " + minimum + " (" + reason + ")";
    }
}
