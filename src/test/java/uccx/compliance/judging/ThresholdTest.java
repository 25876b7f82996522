package uccx.compliance.judging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uccx.compliance.controls.Threshold;

class ThresholdTest {

    @Test
    void theChecklistValueBindsForFewAgents() {
        Threshold t = Threshold.derived("MaxConnectionsPerUser", 2400, 120);
        assertThat(t.minimum()).isEqualTo(2400);
        assertThat(t.reason()).startsWith("checklist value 2400 binds").contains("2 x (120 agents + 1) = 242");
    }

    @Test
    void theDerivedNeedBindsForManyAgents() {
        Threshold t = Threshold.derived("Maximum Allowed Service Sessions Per User", 64, 120);
        assertThat(t.minimum()).isEqualTo(242);
        assertThat(t.toString()).isEqualTo("at least 242 (derived need 2 x (120 agents + 1) = 242 binds; checklist value 64)");
    }

    @Test
    void aValueTheEnvironmentRaisedSaysSo() {
        assertThat(Threshold.of("MaxConnections", 3000, 2400).reason())
                .isEqualTo("raised by the environment file from the checklist value 2400");
        assertThat(Threshold.of("MaxConnections", 2400, 2400).reason()).isEqualTo("checklist value");
        assertThat(Threshold.derived("MaxConnectionsPerUser", 5000, 2400, 120).reason())
                .startsWith("environment file value 5000 (checklist value 2400) binds");
        assertThat(Threshold.derived("MaxConnectionsPerUser", 300, 64, 200).toString())
                .isEqualTo("at least 402 (derived need 2 x (200 agents + 1) = 402 binds; environment file value 300 (checklist value 64))");
    }
}
