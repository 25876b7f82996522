package uccx.compliance.collector;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uccx.compliance.collector.clixml.CliXmlException;
import uccx.compliance.collector.clixml.TopLevelObjects;

/**
 * The collector's records as they were written, found by fact and target: the raw CliXml an
 * auditor reads beside a result, so a finding can be traced to the bytes Exchange sent without
 * trusting the parser. Each record carries its fact and target in {@code UccxFact} and
 * {@code UccxTarget}; its type names may point ({@code TNRef}) at records written before it.
 */
public final class RawRecords {

    private static final Pattern FACT = property("UccxFact");
    private static final Pattern TARGET = property("UccxTarget");
    private static final Pattern STATUS = Pattern.compile("<S N=\"UccxRecord\">status</S>");

    /** One record as written, with the fact, target (lower case) and kind it names, read once. */
    private record Record(String fact, String target, boolean status, String xml) {
        static Record of(String xml) {
            return new Record(value(FACT, xml).orElse(null), value(TARGET, xml).map(t -> t.toLowerCase(Locale.ROOT)).orElse(""),
                    STATUS.matcher(xml).find(), xml);
        }
    }

    private final List<Record> records;

    private RawRecords(List<String> objects) {
        // Read once: a run asks once per control and target, and a large organisation writes thousands of records.
        this.records = objects.stream().map(Record::of).toList();
    }

    /** The records of a run's output; output that is not CliXml has none. */
    public static RawRecords of(String rawOutput) {
        try {
            return new RawRecords(TopLevelObjects.in(rawOutput));
        } catch (CliXmlException notCliXml) {
            return new RawRecords(List.of());
        }
    }

    /**
     * The data and status records of one fact for one target (letter case ignored, as Exchange does),
     * and the status of a read that answered for the whole organisation at once (every receive
     * connector in one call): that status is the target's too.
     */
    public List<String> of(FactName fact, String target) {
        String wanted = target.toLowerCase(Locale.ROOT);
        return records.stream().filter(r -> fact.sectionName().equals(r.fact()))
                .filter(r -> r.target().equals(wanted) || r.target().isEmpty() && r.status())
                .map(Record::xml).toList();
    }

    /** Every record of one fact, whatever its target (the organisation's throttling policies, for example). */
    public List<String> of(FactName fact) {
        return records.stream().filter(r -> fact.sectionName().equals(r.fact())).map(Record::xml).toList();
    }

    private static Optional<String> value(Pattern property, String object) {
        Matcher m = property.matcher(object);
        return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
    }

    private static Pattern property(String name) {
        return Pattern.compile("<S N=\"" + name + "\">([^<]*)</S>|<S N=\"" + name + "\" */>");
    }

    private static String unescape(String xml) {
        if (xml == null) {
            return "";
        }
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
