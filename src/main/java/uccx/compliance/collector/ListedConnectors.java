package uccx.compliance.collector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import uccx.compliance.collector.clixml.PsObject;
import uccx.compliance.collector.clixml.PsValue;

/**
 * The receive connectors in a run's scope, kept from the one {@code Get-ReceiveConnector} that
 * lists every connector of the organisation: Exchange answers for all of them in one read of
 * Active Directory, so the script asks once and the runner chooses. A connector is found by its
 * Identity ({@code SERVER\Connector Name}), letter case ignored as Exchange does.
 */
final class ListedConnectors {

    static final String HOP = "Get-ReceiveConnector";

    private ListedConnectors() {
    }

    /**
     * One fact per connector in scope: the listed connector's, or could-not-verify when the list
     * failed (for every connector, with the list's reason) or does not hold it (for that connector).
     *
     * @param listed  the organisation-wide fact: every record {@code Get-ReceiveConnector} wrote
     * @param convert reads one connector's record; only the records in scope are read, so a record
     *                the runner cannot read costs only its own connector
     */
    static <T> Map<String, Fact<T>> inScope(Fact<List<PsObject>> listed, List<String> scope, Function<PsObject, T> convert) {
        String name = FactName.RECEIVE_CONNECTORS.sectionName();
        Map<String, Fact<T>> facts = new LinkedHashMap<>();
        for (String identity : scope) {
            if (listed instanceof Fact.NotCollected<List<PsObject>> failed) {
                facts.put(identity, Fact.notCollected(name, identity, failed.hop(), failed.reason()));
            } else {
                facts.put(identity, one(listed.get(), identity, convert));
            }
        }
        return facts;
    }

    private static <T> Fact<T> one(List<PsObject> listed, String identity, Function<PsObject, T> convert) {
        String name = FactName.RECEIVE_CONNECTORS.sectionName();
        Optional<PsObject> found = listed.stream().filter(o -> identityOf(o).equalsIgnoreCase(identity)).findFirst();
        if (found.isEmpty()) {
            return Fact.notCollected(name, identity, HOP, identity + " is not among the receive connectors Get-ReceiveConnector listed ("
                    + listed.size() + (listed.size() == 1 ? " connector" : " connectors") + "): check the name (SERVER\\Connector Name)"
                    + " against Get-ReceiveConnector's Identity");
        }
        try {
            return Fact.collected(name, identity, convert.apply(found.get()));
        } catch (RuntimeException unexpected) {
            return Fact.notCollected(name, identity, HOP, "unexpected output: " + unexpected.getMessage());
        }
    }

    /** The record's connector: the script writes its Identity as UccxTarget; a record without one names none. */
    private static String identityOf(PsObject o) {
        return o.property("UccxTarget").map(PsValue::text).filter(t -> t != null && !t.isBlank())
                .or(() -> o.property("Identity").map(PsValue::text)).orElse("");
    }
}
