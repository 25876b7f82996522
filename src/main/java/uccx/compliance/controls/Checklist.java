package uccx.compliance.controls;

import java.util.List;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.ExchangeVersion;
import uccx.compliance.environment.Thresholds;

/**
 * The thresholds of Cisco's checklist (tech note 117589) for one environment: the checklist's values, raised where the
 * environment file raises them, and the derived need from {@code uccx.agents}.
 */
public record Checklist(Thresholds thresholds, int agents) {

    /** THR-02 on every Exchange 2010: these budgets must be $null. */
    public static final List<String> BUDGETS = List.of("IMAPMaxConcurrency", "IMAPPercentTimeInAD", "IMAPPercentTimeInCAS",
            "IMAPPercentTimeInMailboxRPC", "RCAMaxConcurrency", "RCAPercentTimeInAD", "RCAPercentTimeInCAS", "RCAPercentTimeInMailboxRPC",
            "MessageRateLimit", "RecipientRateLimit", "CPUStartPercent");

    /** THR-02 from Exchange 2010 SP1 on; RTM has no CPA* budgets at all. */
    public static final List<String> CPA_BUDGETS = List.of("CPAMaxConcurrency", "CPAPercentTimeInCAS", "CPAPercentTimeInMailboxRPC");

    /** The name THR-01's fix gives the dedicated policy it creates. */
    public static final String DEDICATED_POLICY = "UCCX";

    private static final Thresholds CHECKLIST = Thresholds.checklist();

    /** The budgets THR-02 wants $null on this version: RTM has no CPA* budgets. */
    public static List<String> unlimitedBudgets(ExchangeVersion version) {
        return version.hasCpaBudgets() ? java.util.stream.Stream.concat(BUDGETS.stream(), CPA_BUDGETS.stream()).toList() : BUDGETS;
    }

    public static Checklist of(Environment environment) {
        return new Checklist(environment.thresholds(), environment.uccx().agents());
    }

    public Threshold maxCommandSize() {
        return Threshold.of("MaxCommandSize", thresholds.maxCommandSize(), CHECKLIST.maxCommandSize());
    }

    public Threshold maxConnectionFromSingleIP() {
        return Threshold.of("MaxConnectionFromSingleIP", thresholds.maxConnectionFromSingleIP(), CHECKLIST.maxConnectionFromSingleIP());
    }

    public Threshold maxConnections() {
        return Threshold.of("MaxConnections", thresholds.maxConnections(), CHECKLIST.maxConnections());
    }

    public Threshold maxConnectionsPerUser() {
        return Threshold.derived("MaxConnectionsPerUser", thresholds.maxConnectionsPerUser(), CHECKLIST.maxConnectionsPerUser(), agents);
    }

    public Threshold maxServiceSessionsPerUser() {
        return Threshold.derived("Maximum Allowed Service Sessions Per User", thresholds.maxServiceSessionsPerUser(),
                CHECKLIST.maxServiceSessionsPerUser(), agents);
    }

    public Threshold maxInboundConnection() {
        return Threshold.of("MaxInboundConnection", thresholds.maxInboundConnection(), CHECKLIST.maxInboundConnection());
    }

    public Threshold messageRateLimit() {
        return Threshold.of("MessageRateLimit", thresholds.messageRateLimit(), CHECKLIST.messageRateLimit());
    }

    public Threshold maxInboundConnectionPercentagePerSource() {
        return Threshold.of("MaxInboundConnectionPercentagePerSource", thresholds.maxInboundConnectionPercentagePerSource(), CHECKLIST.maxInboundConnectionPercentagePerSource());
    }

    public Threshold maxInboundConnectionPerSource() {
        return Threshold.of("MaxInboundConnectionPerSource", thresholds.maxInboundConnectionPerSource(), CHECKLIST.maxInboundConnectionPerSource());
    }
}
