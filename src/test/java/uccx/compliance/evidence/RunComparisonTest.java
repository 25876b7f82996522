package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class RunComparisonTest {

    private static final List<String> ORDER = List.of("EXC-01", "IMAP-01", "IMAP-02", "SVC-01", "MBX-01", "NET-01", "LIVE-02");

    private static ControlResult imap01(String target, Outcome outcome, String maxConnections) {
        return new ControlResult("IMAP-01", target, outcome, outcome.label(), List.of(
                new JudgedSetting("MaxCommandSize", "at least 10240", "10240", true),
                new JudgedSetting("MaxConnections", "at least 2400", maxConnections, outcome == Outcome.COMPLIANT)));
    }

    private static EarlierRun earlier(List<ControlResult> results) {
        return new EarlierRun("20261127T021500Z", "prod", results, true);
    }

    @Test
    void theSameResultsAreNoChange() {
        List<ControlResult> results = List.of(imap01("EXCH01", Outcome.COMPLIANT, "2400"), imap01("EXCH02", Outcome.COMPLIANT, "2400"));

        assertThat(RunComparison.between(earlier(results), results, ORDER)).isEmpty();
    }

    @Test
    void anOutcomeThatTurnedIsAChangeWithTheSettingValuesThatDiffer() {
        List<Change> changes = RunComparison.between(earlier(List.of(imap01("EXCH02", Outcome.COMPLIANT, "2400"))),
                List.of(imap01("EXCH02", Outcome.NON_COMPLIANT, "16")), ORDER);

        assertThat(changes).singleElement().satisfies(c -> ChangeAssert.assertThat(c)
                .is("IMAP-01", "EXCH02", Outcome.COMPLIANT, Outcome.NON_COMPLIANT).changedSettings("MaxConnections 2400 -> 16"));
        assertThat(changes.get(0).brief()).isEqualTo("IMAP-01 EXCH02 compliant -> non-compliant (MaxConnections 2400 -> 16)");
    }

    @Test
    void aValueThatChangedUnderTheSameOutcomeIsAChange() {
        List<Change> changes = RunComparison.between(earlier(List.of(imap01("EXCH01", Outcome.COMPLIANT, "2400"))),
                List.of(imap01("EXCH01", Outcome.COMPLIANT, "5000")), ORDER);

        assertThat(changes).singleElement().satisfies(c -> ChangeAssert.assertThat(c)
                .is("IMAP-01", "EXCH01", Outcome.COMPLIANT, Outcome.COMPLIANT).changedSettings("MaxConnections 2400 -> 5000"));
    }

    @Test
    void aNewTargetComesFromNothingAndAVanishedOneGoesToNothingInChecklistOrder() {
        ControlResult registry = new ControlResult("IMAP-02", "EXCH03", Outcome.COMPLIANT, "compliant",
                List.of(new JudgedSetting("Maximum Allowed Service Sessions Per User", "at least 242", "256", true)));
        ControlResult version = new ControlResult("EXC-01", "EXCH02", Outcome.COMPLIANT, "compliant");

        List<Change> changes = RunComparison.between(earlier(List.of(registry, imap01("EXCH01", Outcome.COMPLIANT, "2400"))),
                List.of(imap01("EXCH01", Outcome.COMPLIANT, "2400"), version), ORDER);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(changes).hasSize(2);
            softly.assertThat(changes.get(0)).satisfies(c -> ChangeAssert.assertThat(c).is("EXC-01", "EXCH02", null, Outcome.COMPLIANT)
                    .changedSettings());
            softly.assertThat(changes.get(1)).satisfies(c -> ChangeAssert.assertThat(c).is("IMAP-02", "EXCH03", Outcome.COMPLIANT, null)
                    .changedSettings());
            softly.assertThat(changes.get(1).brief()).isEqualTo("IMAP-02 EXCH03 compliant -> (gone)");
        });
    }

    @Test
    void anEarlierSummaryWithoutSettingsComparesByOutcomeOnly() {
        EarlierRun older = new EarlierRun("20261120T021500Z", "prod", List.of(new ControlResult("IMAP-01", "EXCH01", Outcome.COMPLIANT,
                "compliant"), new ControlResult("IMAP-01", "EXCH02", Outcome.COMPLIANT, "compliant")), false);

        List<Change> changes = RunComparison.between(older, List.of(imap01("EXCH01", Outcome.COMPLIANT, "5000"),
                imap01("EXCH02", Outcome.NON_COMPLIANT, "16")), ORDER);

        assertThat(changes).singleElement().satisfies(c -> ChangeAssert.assertThat(c)
                .is("IMAP-01", "EXCH02", Outcome.COMPLIANT, Outcome.NON_COMPLIANT).changedSettings());
    }

    @Test
    void momentsInAValueAndTheLiveProbesMeasurementsAreNoChange() {
        ControlResult serviceBefore = new ControlResult("SVC-01", "EXCH01", Outcome.COMPLIANT, "compliant", List.of(
                new JudgedSetting("MSExchangeIMAP4 State", "Running", "Running since 2026-12-02T07:55:30.584106Z", true)));
        ControlResult serviceAfter = new ControlResult("SVC-01", "EXCH01", Outcome.COMPLIANT, "compliant", List.of(
                new JudgedSetting("MSExchangeIMAP4 State", "Running", "Running since 2026-12-03T08:38:35.067808Z", true)));
        ControlResult passwordBefore = new ControlResult("MBX-01", "LAB\\uccx", Outcome.COMPLIANT, "compliant", List.of(
                new JudgedSetting("Pwd expiry", "not within 14 days", "expires on 2027-02-21 07:55 UTC, in 80 days", true)));
        ControlResult passwordAfter = new ControlResult("MBX-01", "LAB\\uccx", Outcome.COMPLIANT, "compliant", List.of(
                new JudgedSetting("Pwd expiry", "not within 14 days", "expires on 2027-02-22 08:38 UTC, in 79 days", true)));
        ControlResult reachBefore = new ControlResult("NET-01", "IMAP EXCH01", Outcome.COMPLIANT, "compliant", List.of(
                new JudgedSetting("TCP connect to 127.0.0.1:33355", "connected", "connected in 0 ms", true)));
        ControlResult reachAfter = new ControlResult("NET-01", "IMAP EXCH01", Outcome.COMPLIANT, "compliant", List.of(
                new JudgedSetting("TCP connect to 127.0.0.1:34305", "connected", "connected in 4 ms", true)));
        ControlResult capacityBefore = new ControlResult("LIVE-02", "EXCH01", Outcome.COMPLIANT, "compliant", List.of(
                new JudgedSetting("concurrent IMAP sessions", "242", "242 in 2073 ms", true)));
        ControlResult capacityAfter = new ControlResult("LIVE-02", "EXCH01", Outcome.NON_COMPLIANT, "non-compliant", List.of(
                new JudgedSetting("concurrent IMAP sessions", "242", "64 in 1200 ms", false)));

        List<Change> changes = RunComparison.between(earlier(List.of(serviceBefore, passwordBefore, reachBefore, capacityBefore)),
                List.of(serviceAfter, passwordAfter, reachAfter, capacityAfter), ORDER);

        // the live probe's outcome is compared, its measurements are not
        assertThat(changes).singleElement().satisfies(c -> ChangeAssert.assertThat(c)
                .is("LIVE-02", "EXCH01", Outcome.COMPLIANT, Outcome.NON_COMPLIANT).changedSettings());
    }

    @Test
    void theHeadlineCountsTheChangesOrSaysThereWasNothingToCompareWith() {
        Change one = new Change("IMAP-01", "EXCH02", java.util.Optional.of(Outcome.COMPLIANT), java.util.Optional.of(Outcome.NON_COMPLIANT),
                List.of());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(RunComparison.headline(java.util.Optional.empty(), List.of())).isEqualTo("no earlier run to compare with");
            softly.assertThat(RunComparison.headline(java.util.Optional.of("20261127T021500Z"), List.of()))
                    .isEqualTo("no changes since 20261127T021500Z");
            softly.assertThat(RunComparison.headline(java.util.Optional.of("20261127T021500Z"), List.of(one, one, one)))
                    .isEqualTo("3 changes since 20261127T021500Z");
            softly.assertThat(RunComparison.inOneLine(java.util.Optional.of("20261127T021500Z"), List.of(one, one, one), 2))
                    .isEqualTo("3 changes since 20261127T021500Z: IMAP-01 EXCH02 compliant -> non-compliant; "
                            + "IMAP-01 EXCH02 compliant -> non-compliant; and 1 more (summary.json, changes)");
        });
    }
}
