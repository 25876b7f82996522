package uccx.compliance.collector;

/**
 * A fact could not be read: its controls are "could not verify", never compliant or
 * non-compliant. The message names the hop, for example
 * {@code remote registry on EXCH02: Access is denied.}
 */
public class FactNotCollected extends RuntimeException {

    private final transient Fact.NotCollected<?> fact;

    public FactNotCollected(Fact.NotCollected<?> fact) {
        super("could not verify: " + fact.describe());
        this.fact = fact;
    }

    public String hop() {
        return fact.hop();
    }
}
