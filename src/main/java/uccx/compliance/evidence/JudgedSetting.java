package uccx.compliance.evidence;

/**
 * One setting of one result as the control judged it: a row of the result's expected-versus-found
 * table, kept in summary.json so that the next run can say which value changed.
 */
public record JudgedSetting(String name, String expected, String found, boolean complies) {
}
