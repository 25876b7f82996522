package uccx.compliance.controls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.assertj.core.api.AbstractSoftAssertions;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.ImapSettings;
import uccx.compliance.collector.facts.ReceiveConnector;
import uccx.compliance.collector.facts.StoreRegistryValue;
import uccx.compliance.collector.facts.ThrottlingPolicy;

/**
 * The findings of one control on one target. Assertions are soft: every violated setting of the
 * target is collected, and {@link #conclude} reports them all at once, with the fix, as one
 * non-compliance (an AssertionError).
 */
public final class ControlFindings extends AbstractSoftAssertions {

    private final Control control;
    private final String target;
    private final List<String> observed = new ArrayList<>();
    private String remediation = "";

    public ControlFindings(Control control, String target) {
        this.control = control;
        this.target = target;
    }

    public ImapSettingsAssert assertThat(ImapSettings actual) {
        return proxy(ImapSettingsAssert.class, ImapSettings.class, actual);
    }

    public ReceiveConnectorAssert assertThat(ReceiveConnector actual) {
        return proxy(ReceiveConnectorAssert.class, ReceiveConnector.class, actual);
    }

    public StoreRegistryAssert assertThat(StoreRegistryValue actual) {
        return proxy(StoreRegistryAssert.class, StoreRegistryValue.class, actual);
    }

    public ThrottlingPolicyAssert assertThat(ThrottlingPolicy actual) {
        return proxy(ThrottlingPolicyAssert.class, ThrottlingPolicy.class, actual);
    }

    public ExchangeServerAssert assertThat(ExchangeServer actual) {
        return proxy(ExchangeServerAssert.class, ExchangeServer.class, actual);
    }

    public OrganizationPermissionsAssert assertThat(OrganizationPermissions actual) {
        return proxy(OrganizationPermissionsAssert.class, OrganizationPermissions.class, actual);
    }

    public StoreEventsAssert assertThat(StoreEvents actual) {
        return proxy(StoreEventsAssert.class, StoreEvents.class, actual);
    }

    /** What was read, kept as the evidence of a compliant result. */
    public void observe(String fact) {
        observed.add(fact);
        io.qameta.allure.Allure.addAttachment("Collected for " + control.id() + " on " + target, "text/plain", fact);
    }

    public List<String> observed() {
        return List.copyOf(observed);
    }

    /**
     * Ends the control: nothing violated, or one AssertionError naming the control, the target,
     * every violated setting with its expected and found values, and the fix for exactly those.
     */
    public void conclude(Function<List<SettingViolation>, String> fix) {
        List<Throwable> errors = errorsCollected();
        if (errors.isEmpty()) {
            return;
        }
        List<SettingViolation> violations = errors.stream().filter(SettingViolation.class::isInstance)
                .map(SettingViolation.class::cast).toList();
        StringBuilder message = new StringBuilder(control.id()).append(" non-compliant on ").append(target).append(" (")
                .append(control.title()).append("): ").append(errors.size()).append(errors.size() == 1 ? " setting violates" : " settings violate")
                .append(" the checklist");
        errors.forEach(e -> message.append(System.lineSeparator()).append("  - ").append(e.getMessage()));
        remediation = fix.apply(violations);
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
