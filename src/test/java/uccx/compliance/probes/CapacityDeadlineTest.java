package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * LIVE-02 sends one password at a time, so its deadline must grow with the sessions it wants: a
 * fixed 60 s ended a healthy 400-agent site's probe (802 logins at 150 ms each, 120 s) as
 * deadline-passed, a false non-compliance.
 */
class CapacityDeadlineTest {

    @Test
    void fourHundredAgentsGetTimeForEightHundredAndTwoLoginsOneAfterTheOther() {
        int sessions = 802;
        Duration loginsInTurn = Duration.ofMillis(150).multipliedBy(sessions);

        assertThat(Capacity.deadlineFor(sessions)).isEqualTo(Duration.ofMillis(260_500))
                .isGreaterThan(loginsInTurn.plus(Duration.ofSeconds(60)));
    }

    @Test
    void aSmallSiteKeepsTheMinuteItAlwaysHad() {
        assertThat(Capacity.deadlineFor(2)).isEqualTo(Duration.ofMillis(60_500));
        assertThat(Capacity.deadlineFor(0)).isEqualTo(Duration.ofSeconds(60));
    }
}
