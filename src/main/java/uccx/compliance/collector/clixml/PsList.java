package uccx.compliance.collector.clixml;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A collection: {@code LST} (lists, arrays, multi-valued properties), {@code IE}, {@code STK} or {@code QUE}; items in the order written. */
public record PsList(List<PsValue> items) implements PsValue {

    public PsList {
        items = List.copyOf(items);
    }

    @Override
    public String text() {
        return String.join(", ", texts());
    }

    @Override
    public List<String> texts() {
        return items.stream().map(PsValue::text).filter(Objects::nonNull).collect(Collectors.toUnmodifiableList());
    }
}
