package uccx.compliance.collector;

import java.util.Arrays;

/** The facts of a run: one section of the collector script each ({@code #region fact:<name>}). */
public enum FactName {
    EXCHANGE_SERVERS("exchangeServers"),
    IMAP_SETTINGS("imapSettings"),
    REGISTRY("registry"),
    STORE_EVENTS("storeEvents"),
    SERVICES("services"),
    ORGANIZATION_PERMISSIONS("organizationPermissions"),
    ACCOUNT_GROUPS("accountGroups"),
    RECEIVE_CONNECTORS("receiveConnectors"),
    MAILBOX_DATABASES("mailboxDatabases"),
    MAILBOX("mailbox"),
    CAS_MAILBOX("casMailbox"),
    ACCOUNT("account"),
    THROTTLING_POLICIES("throttlingPolicies");

    private final String sectionName;

    FactName(String sectionName) {
        this.sectionName = sectionName;
    }

    /** Read with an Exchange cmdlet, through the Exchange session; the registry, the event log and the services (WMI) are Windows' own. */
    public boolean readThroughExchange() {
        return this != REGISTRY && this != STORE_EVENTS && this != SERVICES;
    }

    /** The name in the script's sections and output records. */
    public String sectionName() {
        return sectionName;
    }

    public static FactName ofSection(String name) {
        return Arrays.stream(values()).filter(f -> f.sectionName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no fact named " + name));
    }
}
