package uccx.compliance.controls;

import uccx.compliance.collector.facts.ReceiveConnector;

/** SMTP-01: the limits of one receive connector. */
public class ReceiveConnectorAssert extends DomainAssert<ReceiveConnectorAssert, ReceiveConnector> {

    public ReceiveConnectorAssert(ReceiveConnector actual) {
        super(actual, ReceiveConnectorAssert.class);
    }

    public ReceiveConnectorAssert hasMaxInboundConnectionAtLeast(Threshold threshold) {
        return limitAtLeast(actual.maxInboundConnection(), threshold);
    }

    public ReceiveConnectorAssert hasMessageRateLimitAtLeast(Threshold threshold) {
        return limitAtLeast(actual.messageRateLimit(), threshold);
    }

    public ReceiveConnectorAssert hasMaxInboundConnectionPercentagePerSourceAtLeast(Threshold threshold) {
        return limitAtLeast(actual.maxInboundConnectionPercentagePerSource(), threshold);
    }

    public ReceiveConnectorAssert hasMaxInboundConnectionPerSourceAtLeast(Threshold threshold) {
        return limitAtLeast(actual.maxInboundConnectionPerSource(), threshold);
    }
}
