package uccx.compliance.controls;

import java.util.Optional;

/** EXC-02: a server the UCCX mailbox may depend on is in the environment file's scope. */
public class ScopeCoverageAssert extends DomainAssert<ScopeCoverageAssert, ScopeCoverage> {

    public ScopeCoverageAssert(ScopeCoverage actual) {
        super(actual, ScopeCoverageAssert.class);
    }

    /** A Client Access server of the organisation is in exchange.clientAccessServers. */
    public ScopeCoverageAssert isListedIfClientAccess() {
        isNotNull();
        if (!actual.clientAccess()) {
            return myself;
        }
        String expected = "lists " + actual.server() + " (Get-ExchangeServer: a Client Access server)";
        if (!actual.listedAsClientAccess()) {
            throw new SettingViolation("exchange.clientAccessServers", expected, "not listed " + actual.clientAccessServers(), Optional.empty());
        }
        return complies("exchange.clientAccessServers", expected, "listed");
    }

    /** A server holding a copy of the UCCX mailbox's database is in exchange.mailboxServers. */
    public ScopeCoverageAssert isListedIfHoldingTheMailboxDatabase() {
        isNotNull();
        if (actual.database().isEmpty()) {
            return myself;
        }
        String expected = "lists " + actual.server() + " (holds a copy of " + actual.database().get() + ", the UCCX mailbox's database"
                + (actual.mountedOn().isBlank() ? "" : ", mounted on " + actual.mountedOn()) + ")";
        if (!actual.listedAsMailbox()) {
            throw new SettingViolation("exchange.mailboxServers", expected, "not listed " + actual.mailboxServers(), Optional.empty());
        }
        return complies("exchange.mailboxServers", expected, "listed");
    }
}
