package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpReachTest {

    @Test
    void aClosedPortIsRefusedWithinTheTimeout() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }

        Reach reach = TcpReach.probe("127.0.0.1", closed, Duration.ofSeconds(3));

        assertThat(reach.reached()).isFalse();
        assertThat(reach.failure()).isEqualTo("connection refused");
        assertThat(reach.took()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aListeningPortIsReached() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Reach reach = TcpReach.probe("127.0.0.1", s.getLocalPort(), Duration.ofSeconds(3));

            assertThat(reach.reached()).isTrue();
            assertThat(reach.failure()).isEmpty();
        }
    }
}
