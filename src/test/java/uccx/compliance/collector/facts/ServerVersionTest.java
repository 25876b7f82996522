package uccx.compliance.collector.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerVersionTest {

    @Test
    void theMinorNumberIsTheServicePack() {
        assertThat(ServerVersion.parse("Version 14.3 (Build 123.4)").label()).isEqualTo("2010-SP3");
        assertThat(ServerVersion.parse("Version 14.0 (Build 639.21)").label()).isEqualTo("2010-RTM");
        assertThat(ServerVersion.parse("Version 15.2 (Build 986.5)").isExchange2010()).isFalse();
    }

    @Test
    void somethingElseIsRefusedWithTheExpectedShape() {
        assertThatThrownBy(() -> ServerVersion.parse("14.3")).hasMessageContaining("Version 14.3 (Build 123.4)");
    }
}
