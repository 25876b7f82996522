package uccx.compliance.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractSoftAssertions;
import uccx.compliance.collector.Fact;
import uccx.compliance.collector.FactName;
import uccx.compliance.collector.RawRecords;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.ImapSettings;
import uccx.compliance.collector.facts.ReceiveConnector;
import uccx.compliance.collector.facts.StoreRegistryValue;
import uccx.compliance.environment.Environment;
import uccx.compliance.probes.CapacityResult;
import uccx.compliance.probes.DualLoginResult;
import uccx.compliance.probes.LoginMechanismResult;
import uccx.compliance.probes.Reach;
import uccx.compliance.probes.SmtpResult;

/**
 * The findings of one control on one target. Assertions are soft: every violated setting of the
 * target is collected, and {@link #conclude} reports them all at once, with the fix, as one
 * non-compliance (an AssertionError).
 *
 * <p>It also says what evidence the result shows ({@link FindingsReport}): the table of every
 * judged setting (compliant ones too), the raw records the facts were read from, the transcript
 * of every probe, and, when something is violated, the fix its {@link Control} declares, for
 * exactly this target.
 */
public final class ControlFindings extends AbstractSoftAssertions {

    private final Control control;
    private final String target;
    private final Environment environment;
    private final Supplier<RawRecords> rawRecords;
    private final FindingsReport report;
    private final List<String> notes = new ArrayList<>();
    private final List<Object> judged = new ArrayList<>();
    private final SettingsTable settings = new SettingsTable();
    private String remediation = "";

    /**
     * @param environment the environment judged, whose thresholds the fix names
     * @param rawRecords  the run's collector output, cut into records, read when a fact is first shown
     * @param report      where the result's evidence goes
     */
    public ControlFindings(Control control, String target, Environment environment, Supplier<RawRecords> rawRecords,
                           FindingsReport report) {
        this.control = control;
        this.target = target;
        this.environment = environment;
        this.rawRecords = rawRecords;
        this.report = report;
    }

    /** A violation of one setting is written to the table as the soft assertions collect it. */
    @Override
    public void collectAssertionError(AssertionError error) {
        if (error instanceof SettingViolation violation) {
            settings.violated(violation);
        }
        super.collectAssertionError(error);
    }

    /** A setting judged by the control itself, not by a domain assertion, that holds. */
    public void complies(String setting, String expected, String found) {
        settings.complies(setting, expected, found, Optional.empty());
    }

    public ImapSettingsAssert assertThat(ImapSettings actual) {
        return proxy(ImapSettingsAssert.class, ImapSettings.class, judging(actual)).recordingInto(settings);
    }

    public ReceiveConnectorAssert assertThat(ReceiveConnector actual) {
        return proxy(ReceiveConnectorAssert.class, ReceiveConnector.class, judging(actual)).recordingInto(settings);
    }

    public StoreRegistryAssert assertThat(StoreRegistryValue actual) {
        return proxy(StoreRegistryAssert.class, StoreRegistryValue.class, judging(actual)).recordingInto(settings);
    }

    public ExchangeServerAssert assertThat(ExchangeServer actual) {
        return proxy(ExchangeServerAssert.class, ExchangeServer.class, judging(actual)).recordingInto(settings);
    }

    public OrganizationPermissionsAssert assertThat(OrganizationPermissions actual) {
        return proxy(OrganizationPermissionsAssert.class, OrganizationPermissions.class, judging(actual)).recordingInto(settings);
    }

    public StoreEventsAssert assertThat(StoreEvents actual) {
        return proxy(StoreEventsAssert.class, StoreEvents.class, judging(actual)).recordingInto(settings);
    }

    public ServicesAssert assertThat(ServerServices actual) {
        return proxy(ServicesAssert.class, ServerServices.class, judging(actual)).recordingInto(settings);
    }

    public SettingsInEffectAssert assertThat(SettingsInEffect actual) {
        return proxy(SettingsInEffectAssert.class, SettingsInEffect.class, judging(actual)).recordingInto(settings);
    }

    public EffectivePolicyAssert assertThat(EffectivePolicy actual) {
        return proxy(EffectivePolicyAssert.class, EffectivePolicy.class, judging(actual)).recordingInto(settings);
    }

    public AccountReadinessAssert assertThat(AccountReadiness actual) {
        return proxy(AccountReadinessAssert.class, AccountReadiness.class, judging(actual)).recordingInto(settings);
    }

    public ScopeCoverageAssert assertThat(ScopeCoverage actual) {
        return proxy(ScopeCoverageAssert.class, ScopeCoverage.class, judging(actual)).recordingInto(settings);
    }

    public ConnectorSelectionAssert assertThat(ConnectorSelection actual) {
        return proxy(ConnectorSelectionAssert.class, ConnectorSelection.class, judging(actual)).recordingInto(settings);
    }

    public ReachAssert assertThat(Reach actual) {
        return proxy(ReachAssert.class, Reach.class, probed("TCP", actual, actual.transcript())).recordingInto(settings);
    }

    public DualLoginAssert assertThat(DualLoginResult actual) {
        return proxy(DualLoginAssert.class, DualLoginResult.class, probed("IMAP", actual, actual.transcript())).recordingInto(settings);
    }

    public CapacityAssert assertThat(CapacityResult actual) {
        return proxy(CapacityAssert.class, CapacityResult.class,
                probed("IMAP", actual, actual.transcript(environment.uccx().account()))).recordingInto(settings);
    }

    public SmtpPathAssert assertThat(SmtpResult actual) {
        return proxy(SmtpPathAssert.class, SmtpResult.class, probed("SMTP", actual, actual.transcript())).recordingInto(settings);
    }

    public LoginMechanismAssert assertThat(LoginMechanismResult actual) {
        return proxy(LoginMechanismAssert.class, LoginMechanismResult.class, probed("IMAP", actual, actual.transcript()))
                .recordingInto(settings);
    }

    /** What the control judges, kept for its fix. */
    private <T> T judging(T actual) {
        judged.add(actual);
        return actual;
    }

    /** A probe's conversation is the evidence of its result, whatever the verdict. */
    private <T> T probed(String protocol, T result, String transcript) {
        judging(result);
        report.transcript(new FindingsReport.Attachment(protocol + " transcript (redacted) for " + control.id() + " on " + target, "text/plain",
                transcript, ".txt"));
        return result;
    }

    /** Something the run knows about this result that no setting shows, such as a waiver that has expired. */
    public void note(String text) {
        notes.add(text);
    }

    /**
     * Attaches the records of a fact exactly as the collector wrote them (CliXml), so the finding
     * can be traced to what Exchange sent. Type names written as {@code TNRef} are defined earlier
     * in the run's snapshot.xml.
     */
    private void readFrom(FactName fact, String factTarget) {
        List<String> records = factTarget == null ? rawRecords.get().of(fact) : rawRecords.get().of(fact, factTarget);
        String title = fact.sectionName() + (factTarget == null ? "" : " of " + factTarget);
        report.attach(new FindingsReport.Attachment("CliXml read for " + control.id() + " on " + target + ": " + title, "application/xml",
                records.isEmpty() ? "<!-- no record of " + title + " in this run's output: see the result's message -->"
                        : String.join(System.lineSeparator(), records), ".xml"));
    }

    /**
     * The value of a fact this control judges, its records attached first, exactly as the collector
     * wrote them (so a fact that was not collected still shows that none came back); a fact not
     * collected ends the control as could not verify, naming the hop that failed.
     */
    public <T> T read(Fact<T> fact) {
        readFrom(FactName.ofSection(fact.factName()), fact.target().isEmpty() ? null : fact.target());
        return judging(fact.get());
    }

    /** The table of every setting judged so far, also what the description's thresholds are read from. */
    public SettingsTable settings() {
        return settings;
    }

    /** What a compliant result shows in the run's summary: the run's notes, then each judged setting with what was found. */
    public List<String> observed() {
        List<String> shown = new ArrayList<>(notes);
        settings.rows().forEach(row -> shown.add(row.setting() + " " + row.found()));
        return shown;
    }

    /**
     * Ends the control: nothing violated, or one AssertionError naming the control, the target,
     * every violated setting with its expected and found values, and the fix for exactly those.
     */
    public void conclude() {
        List<Throwable> errors = errorsCollected();
        report.describe(ResultDescription.html(control, settings));
        if (!settings.isEmpty()) {
            report.attach(new FindingsReport.Attachment("Expected vs actual: " + control.id() + " on " + target, "text/csv",
                    settings.toCsv(), ".csv"));
        }
        if (errors.isEmpty()) {
            return;
        }
        List<SettingViolation> violations = errors.stream().filter(SettingViolation.class::isInstance)
                .map(SettingViolation.class::cast).toList();
        StringBuilder message = new StringBuilder(control.id()).append(" non-compliant on ").append(target).append(" (")
                .append(control.title()).append("): ").append(errors.size()).append(errors.size() == 1 ? " setting violates" : " settings violate")
                .append(" the checklist");
        errors.forEach(e -> message.append(System.lineSeparator()).append("  - ").append(e.getMessage()));
        remediation = control.fix(new Finding(target, violations, judged, environment));
        report.attach(new FindingsReport.Attachment("Remediation for " + control.id() + " on " + target + " (review before running)",
                "text/plain", "# Generated by uccx-exchange-compliance from this run's finding " + control.id() + " on " + target + ".\n"
                        + "# REVIEW BEFORE RUNNING: in the Exchange Management Shell, in a change window.\n" + remediation + "\n", ".ps1"));
        message.append(System.lineSeparator()).append("Fix (review before running):");
        remediation.lines().forEach(line -> message.append(System.lineSeparator()).append("    ").append(line));
        throw new AssertionError(message.toString());
    }

    /** The fix of a non-compliant target, one command per line; empty when nothing was violated. */
    public String remediation() {
        return remediation;
    }

    public Control control() {
        return control;
    }

    public String target() {
        return target;
    }
}
