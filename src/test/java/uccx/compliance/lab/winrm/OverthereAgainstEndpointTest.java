package uccx.compliance.lab.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.xebialabs.overthere.CmdLine;
import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.OverthereConnection;
import com.xebialabs.overthere.OverthereProcess;
import com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder;
import com.xebialabs.overthere.cifs.CifsConnectionBuilder;
import com.xebialabs.overthere.cifs.CifsConnectionType;
import com.xebialabs.overthere.util.DefaultAddressPortMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Overthere's WinRM client used directly, below the suite's RemoteCommand guard, to show what the
 * endpoint does with what the guard would never let through.
 */
class OverthereAgainstEndpointTest {

    private WinRmEndpoint endpoint;
    private OverthereConnection connection;

    @BeforeEach
    void start() throws IOException {
        endpoint = WinRmEndpoint.start(WinRmEndpointSettings.http("labuser", "per-run-secret"), ScriptEcho.programs());
        ConnectionOptions options = new ConnectionOptions();
        options.set(ConnectionOptions.OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
        options.set(BaseCifsConnectionBuilder.CONNECTION_TYPE, CifsConnectionType.WINRM_INTERNAL);
        options.set(ConnectionOptions.ADDRESS, "127.0.0.1");
        options.set(ConnectionOptions.PORT, endpoint.port());
        options.set(ConnectionOptions.USERNAME, "labuser");
        options.set(ConnectionOptions.PASSWORD, "per-run-secret");
        options.set(ConnectionOptions.SOCKET_TIMEOUT_MILLIS, 10_000);
        options.set(BaseCifsConnectionBuilder.WINRM_TIMEMOUT, "PT5.000S");
        connection = new CifsConnectionBuilder(CifsConnectionBuilder.CIFS_PROTOCOL, options, new DefaultAddressPortMapper()).connect();
    }

    @AfterEach
    void stop() {
        connection.close();
        endpoint.close();
    }

    @Test
    void aCommandLineOverTheLimitEndsAsCmdExeEndsIt() throws Exception {
        OverthereProcess process = connection.startProcess(new CmdLine().addRaw("powershell.exe -Command " + "x".repeat(9000)));

        String stderr = new String(process.getStderr().readAllBytes(), StandardCharsets.US_ASCII);
        process.getStdout().readAllBytes();

        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(stderr).isEqualTo("The command line is too long.\r\n");
        assertThat(endpoint.commandsReceived()).isEqualTo(1);
        assertThat(endpoint.violations()).singleElement().asString().contains("accepts at most 8191");
    }

    @Test
    void destroyingARunningCommandTerminatesItAndDeletesTheShell() throws Exception {
        OverthereProcess process = connection.startProcess(new CmdLine().addRaw("powershell.exe -Command -"));

        process.destroy();

        // Overthere's output thread may see the terminated command's Done before destroy() returns, or not.
        assertThat(process.exitValue()).isIn(-1, RunningCommand.TERMINATED);
        assertThat(endpoint.violations()).isEmpty();
    }
}
