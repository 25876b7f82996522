package uccx.compliance.environment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Exchange 2010 release the organisation runs, as written in the environment file ({@code 2010-SP3}). */
public enum ExchangeVersion {
    RTM(0), SP1(1), SP2(2), SP3(3);

    private final int servicePack;

    ExchangeVersion(int servicePack) {
        this.servicePack = servicePack;
    }

    /** The service pack level; also the minor version Exchange shows ({@code Version 14.<sp> (Build ...)}). */
    public int servicePack() {
        return servicePack;
    }

    /** The CPA* throttling budgets (THR-02) exist from SP1 on; on RTM they are not there to check. */
    public boolean hasCpaBudgets() {
        return servicePack >= 1;
    }

    /** How the environment file writes it: {@code 2010-RTM} .. {@code 2010-SP3}. */
    public String label() {
        return "2010-" + name();
    }

    /** Parses a {@link #label()}; the message of a refusal lists the labels that are accepted. */
    public static ExchangeVersion parse(String label) {
        for (ExchangeVersion v : values()) {
            if (v.label().equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not an Exchange 2010 version: \"" + label + "\"; use one of "
                + Arrays.stream(values()).map(ExchangeVersion::label).collect(Collectors.joining(", ")));
    }
}
