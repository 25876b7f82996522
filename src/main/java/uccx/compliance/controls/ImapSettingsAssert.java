package uccx.compliance.controls;

import uccx.compliance.collector.facts.ImapSettings;

/** IMAP-01: the IMAP4 limits of one Client Access server. */
public class ImapSettingsAssert extends DomainAssert<ImapSettingsAssert, ImapSettings> {

    public ImapSettingsAssert(ImapSettings actual) {
        super(actual, ImapSettingsAssert.class);
    }

    public ImapSettingsAssert hasMaxCommandSizeAtLeast(Threshold threshold) {
        return limitAtLeast(actual.maxCommandSize(), threshold);
    }

    public ImapSettingsAssert hasMaxConnectionFromSingleIPAtLeast(Threshold threshold) {
        return limitAtLeast(actual.maxConnectionFromSingleIP(), threshold);
    }

    public ImapSettingsAssert hasMaxConnectionsAtLeast(Threshold threshold) {
        return limitAtLeast(actual.maxConnections(), threshold);
    }

    public ImapSettingsAssert hasMaxConnectionsPerUserAtLeast(Threshold threshold) {
        return limitAtLeast(actual.maxConnectionsPerUser(), threshold);
    }
}
