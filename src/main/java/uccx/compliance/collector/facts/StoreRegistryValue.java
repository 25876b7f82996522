package uccx.compliance.collector.facts;

import java.util.OptionalLong;

/**
 * The store's per-user service-session limit as read from a Mailbox server's registry
 * ({@code HKLM\SYSTEM\CurrentControlSet\Services\MSExchangeIS\ParametersSystem},
 * {@code Maximum Allowed Service Sessions Per User}).
 *
 * @param valueKind {@code DWord} when set as Microsoft says; {@code KeyMissing} or {@code ValueMissing}
 *                  when absent (then the store's default of 16 applies); another registry kind otherwise
 */
public record StoreRegistryValue(String server, String key, String valueName, OptionalLong value, String valueKind) {

    public static final int STORE_DEFAULT = 16;

    public boolean isMissing() {
        return value.isEmpty();
    }

    public boolean isDword() {
        return "DWord".equalsIgnoreCase(valueKind);
    }
}
