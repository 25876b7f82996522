package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.xebialabs.overthere.winrm.WinRmRuntimeIOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uccx.compliance.tls.Trust;

/** Which failure a run reports when Overthere and a connection of the hop both failed. */
class FailureOrderTest {

    private static final WinRmSettings BASIC = new WinRmSettings("exch01.corp.example.com", 5986, true, "audit", "secret",
            Duration.ofSeconds(10), Duration.ofSeconds(120), Trust.jvmDefault());
    private static final WinRmFailure HOP_TIMED_OUT = LoopbackHop.noAnswerWithin(Duration.ofSeconds(65));

    @Test
    void aRefusedCredentialIsReportedBeforeWhatTheHopWentThrough() {
        WinRmFailure seenByOverthere = WinRmFailure.of(new WinRmRuntimeIOException(
                "Unexpected HTTP response on https://exch01.corp.example.com:5986/wsman:  Unauthorized (401)"), BASIC, Duration.ofSeconds(65));

        WinRmFailure reported = WinRmFailure.reported(seenByOverthere, Optional.of(HOP_TIMED_OUT));

        assertThat(reported.credentialRefused()).isTrue();
        assertThat(reported.reason()).startsWith("HTTP 401 authentication failed for user audit");
    }

    @Test
    void otherwiseTheHopExplainsTheRunBetterThanOverthere() {
        WinRmFailure seenByOverthere = WinRmFailure.of(new WinRmRuntimeIOException("Error",
                new org.apache.http.NoHttpResponseException("localhost:1234 failed to respond")), BASIC, Duration.ofSeconds(65));

        assertThat(WinRmFailure.reported(seenByOverthere, Optional.of(HOP_TIMED_OUT))).isEqualTo(HOP_TIMED_OUT);
        assertThat(WinRmFailure.reported(seenByOverthere, Optional.empty())).isEqualTo(seenByOverthere);
    }
}
