package uccx.compliance.environment;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTest {

    @Test
    void secretNeverShowsItsValue() {
        Secret s = new Secret("${UCCX_MAILBOX_PASSWORD}", "Winter2025!");

        assertThat(s.toString()).isEqualTo("secret from ${UCCX_MAILBOX_PASSWORD}");
        assertThat(String.valueOf(new Uccx("a@b", "C\\u", Optional.of(s), 1))).doesNotContain("Winter2025!");
        assertThat(s.reveal()).isEqualTo("Winter2025!");
        assertThat(s.source()).isEqualTo("${UCCX_MAILBOX_PASSWORD}");
        assertThat(s).isEqualTo(new Secret("${UCCX_MAILBOX_PASSWORD}", "Winter2025!"))
                .isNotEqualTo(new Secret("${UCCX_MAILBOX_PASSWORD}", "Winter2026!"));
    }

    @Test
    void exchangeVersions() {
        assertThat(ExchangeVersion.parse("2010-SP2")).isEqualTo(ExchangeVersion.SP2);
        assertThat(ExchangeVersion.SP2.label()).isEqualTo("2010-SP2");
        assertThat(ExchangeVersion.SP3.servicePack()).isEqualTo(3);
        assertThat(ExchangeVersion.RTM.hasCpaBudgets()).isFalse();
        assertThat(ExchangeVersion.SP1.hasCpaBudgets()).isTrue();
        assertThatThrownBy(() -> ExchangeVersion.parse("2013")).hasMessageContaining("2010-RTM, 2010-SP1, 2010-SP2, 2010-SP3");
    }

    @Test
    void uccxNeedsTwoConnectionsPerDesktopAndTwoForTheServer() {
        assertThat(new Uccx("a@b", "C\\u", Optional.empty(), 1).imapConnectionsNeeded()).isEqualTo(4);
        assertThat(new Uccx("a@b", "C\\u", Optional.empty(), 120).imapConnectionsNeeded()).isEqualTo(242);
        assertThatThrownBy(() -> new Uccx("a@b", "C\\u", Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thresholdsAreTheChecklistsAndMayOnlyRise() {
        Thresholds t = Thresholds.checklist();
        assertThat(t.values()).containsExactly(Map.entry("maxCommandSize", 10240), Map.entry("maxConnectionFromSingleIP", 2000),
                Map.entry("maxConnections", 2400), Map.entry("maxConnectionsPerUser", 2400),
                Map.entry("maxServiceSessionsPerUser", 64), Map.entry("maxInboundConnection", 5000),
                Map.entry("messageRateLimit", 250), Map.entry("maxInboundConnectionPercentagePerSource", 5),
                Map.entry("maxInboundConnectionPerSource", 250));
        assertThat(Thresholds.raising(Map.of("messageRateLimit", 500)).messageRateLimit()).isEqualTo(500);
        assertThatThrownBy(() -> Thresholds.raising(Map.of("messageRateLimit", 100)))
                .hasMessage("messageRateLimit: 100 is below the checklist's 250; may raise a checklist value, not lower it");
        assertThatThrownBy(() -> Thresholds.raising(Map.of("nope", 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentExceptionJoinsItsLines() {
        EnvironmentException e = new EnvironmentException(java.util.List.of("a:1: x: y", "a:2: z: w"));

        assertThat(e.getMessage()).isEqualTo("a:1: x: y\na:2: z: w");
        assertThat(e.errors()).containsExactly("a:1: x: y", "a:2: z: w");
    }
}
