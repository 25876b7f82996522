package uccx.compliance.collector.clixml;

/**
 * How many values one parse may build, across all its documents. Each value costs the heap ten
 * times or more the few bytes of its element ({@code <Nil/>}, {@code <S>x</S>}), so the bound on
 * a command's output alone would still let a hostile server's CliXml fill the heap.
 */
final class ValueBudget {

    /**
     * The benchmark's 100-server organisation's snapshot holds about 10,000 values (every
     * property of every object, type names included); a million is a hundred times that, and a
     * million small values stay within a hundred MiB or so of heap.
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
