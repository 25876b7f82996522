package uccx.compliance.collector.clixml;

/**
 * Something written to a stream other than output and error: {@code Warning}, {@code Verbose},
 * {@code Debug}, {@code Progress}, {@code Information}. Kept apart so that a warning or a progress
 * record is never mistaken for a collected fact.
 */
public record PsStreamItem(String stream, PsValue value) {

    public String text() {
        return value.text();
    }
}
