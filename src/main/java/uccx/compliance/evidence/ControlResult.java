package uccx.compliance.evidence;

/** One control for one target, as the summary lists it. The message never holds a secret. */
public record ControlResult(String control, String target, Outcome outcome, String message) {
}
