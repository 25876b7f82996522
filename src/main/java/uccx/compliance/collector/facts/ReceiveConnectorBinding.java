package uccx.compliance.collector.facts;

import java.util.List;

/**
 * What Exchange 2010 selects a receive connector by, for any connector of the organisation (not only
 * those in scope): the server it runs on, whether it is enabled, its {@code Bindings} (local IP:port)
 * and its {@code RemoteIPRanges}, each as {@code Get-ReceiveConnector} prints it.
 */
public record ReceiveConnectorBinding(String identity, String server, boolean enabled, List<String> bindings, List<String> remoteIpRanges) {
    public ReceiveConnectorBinding {
        bindings = List.copyOf(bindings);
        remoteIpRanges = List.copyOf(remoteIpRanges);
    }
}
