package uccx.compliance.controls;

import java.util.List;
import java.util.Optional;

/** SMTP-02: the receive connector Exchange selects for the UCCX server is one of the environment file's. */
public class ConnectorSelectionAssert extends DomainAssert<ConnectorSelectionAssert, ConnectorSelection> {

    static final String SETTING = "connector selected for the UCCX server";

    public ConnectorSelectionAssert(ConnectorSelection actual) {
        super(actual, ConnectorSelectionAssert.class);
    }

    public ConnectorSelectionAssert isOneOf(List<String> receiveConnectors) {
        isNotNull();
        if (!actual.unreadable().isEmpty()) {
            throw new IllegalStateException("could not verify: " + actual.server() + " has entries this suite cannot read ("
                    + String.join("; ", actual.unreadable()) + "), so which connector takes " + actual.client() + " is unknown");
        }
        String expected = "one of exchange.receiveConnectors " + receiveConnectors + " takes " + actual.client() + " on port "
                + ConnectorSelection.SMTP_PORT;
        boolean outOfScope = actual.everySelected().stream().anyMatch(c -> receiveConnectors.stream().noneMatch(c::equalsIgnoreCase));
        if (actual.selected().isEmpty() || actual.refusedSomewhere() || outOfScope) {
            throw new SettingViolation(SETTING, expected, actual.describe(), Optional.empty());
        }
        return complies(SETTING, expected, actual.describe());
    }
}
