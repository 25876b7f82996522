package uccx.compliance.collector.clixml;

/**
 * How many values one parse may build, across all its documents. Each value costs the heap ten
 * times or more the few bytes of its element ({@code <Nil/>}, {@code <S>x</S>}), so the bound on
 * a command's output alone would still let a hostile server's CliXml fill the heap.
 */
final class ValueBudget {

    /**
     * A 100-server organisation's snapshot holds tens of thousands of values (every property of
     * every object, its type names included); a million is far above that and stays within a
     * hundred MiB or so of heap.
     */
    static final int MAX_VALUES = 1_000_000;

    private int spent;

    /** @return false once the budget is spent: the caller stops with a problem naming the bound */
    boolean spend() {
        return ++spent <= MAX_VALUES;
    }

    static String exceeded() {
        return "more than " + MAX_VALUES + " values (the bound on one command's CliXml); nothing more was read";
    }
}
