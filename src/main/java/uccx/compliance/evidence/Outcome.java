package uccx.compliance.evidence;

/** How one control came out for one target (README, "Outcomes"). */
public enum Outcome {
    COMPLIANT("compliant"),
    NON_COMPLIANT("non-compliant"),
    COULD_NOT_VERIFY("could-not-verify"),
    WAIVED("waived"),
    NOT_APPLICABLE("not-applicable");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Non-compliant and could-not-verify fail the run; the others do not. */
    public boolean failsRun() {
        return this == NON_COMPLIANT || this == COULD_NOT_VERIFY;
    }
}
