package uccx.compliance.collector.facts;

/** {@code Get-ReceiveConnector}: the limits of one receive connector, identified as {@code SERVER\Connector Name}. */
public record ReceiveConnector(String identity, Limit maxInboundConnection, Limit messageRateLimit,
                               Limit maxInboundConnectionPercentagePerSource, Limit maxInboundConnectionPerSource) {
}
