package uccx.compliance.controls;

import java.util.Optional;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.ServerVersion;
import uccx.compliance.environment.ExchangeVersion;

/** EXC-01: the version a server runs, as {@code AdminDisplayVersion} shows it. */
public class ExchangeServerAssert extends DomainAssert<ExchangeServerAssert, ExchangeServer> {

    public ExchangeServerAssert(ExchangeServer actual) {
        super(actual, ExchangeServerAssert.class);
    }

    public ExchangeServerAssert runs(ExchangeVersion expected) {
        isNotNull();
        ServerVersion found = actual.version();
        if (!found.isExchange2010() || found.minor() != expected.servicePack()) {
            throw new SettingViolation("AdminDisplayVersion", expected.label() + " (Version 14." + expected.servicePack() + ")",
                    found.label() + " ('" + actual.adminDisplayVersion() + "')", Optional.empty());
        }
        return complies("AdminDisplayVersion", expected.label() + " (Version 14." + expected.servicePack() + ")",
                found.label() + " ('" + actual.adminDisplayVersion() + "')");
    }
}
