package uccx.compliance.collector;

/**
 * One fact of the snapshot for one target: collected, or not, with the hop that failed. A fact
 * that was not collected makes only its own controls "could not verify".
 */
public sealed interface Fact<T> {

    /** The collected value; throws {@link FactNotCollected} naming the hop when there is none. */
    T get();

    /** The script section it was read by, for example {@code imapSettings}. */
    String factName();

    /** The server, connector, mailbox or account it is about; empty for a fact of the whole organisation. */
    String target();

    record Collected<T>(String factName, String target, T value) implements Fact<T> {
        @Override
        public T get() {
            return value;
        }
    }

    record NotCollected<T>(String factName, String target, String hop, String reason) implements Fact<T> {
        @Override
        public T get() {
            throw new FactNotCollected(this);
        }

        public String describe() {
            return hop + ": " + reason;
        }
    }

    static <T> Fact<T> collected(String factName, String target, T value) {
        return new Collected<>(factName, target, value);
    }

    static <T> Fact<T> notCollected(String factName, String target, String hop, String reason) {
        return new NotCollected<>(factName, target, hop, reason);
    }
}
