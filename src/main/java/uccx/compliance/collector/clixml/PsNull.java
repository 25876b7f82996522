package uccx.compliance.collector.clixml;

/** {@code $null}, written {@code <Nil/>}; a property that is {@code $null} is present, unlike one that is missing. */
public record PsNull() implements PsValue {

    public static final PsNull NULL = new PsNull();

    @Override
    public String text() {
        return null;
    }
}
