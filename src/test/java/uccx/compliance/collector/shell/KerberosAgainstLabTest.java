package uccx.compliance.collector.shell;

import static com.xebialabs.overthere.ConnectionOptions.ADDRESS;
import static com.xebialabs.overthere.ConnectionOptions.CONNECTION_TIMEOUT_MILLIS;
import static com.xebialabs.overthere.ConnectionOptions.OPERATING_SYSTEM;
import static com.xebialabs.overthere.ConnectionOptions.PASSWORD;
import static com.xebialabs.overthere.ConnectionOptions.PORT;
import static com.xebialabs.overthere.ConnectionOptions.SOCKET_TIMEOUT_MILLIS;
import static com.xebialabs.overthere.ConnectionOptions.USERNAME;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.CONNECTION_TYPE;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_KERBEROS_ADD_PORT_TO_SPN;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_KERBEROS_TICKET_CACHE;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_KERBEROS_USE_HTTP_SPN;
import static com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder.WINRM_USE_CANONICAL_HOSTNAME;
import static com.xebialabs.overthere.cifs.CifsConnectionBuilder.CIFS_PROTOCOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uccx.compliance.collector.shell.MitKdc.ORDINARY_HOST;
import static uccx.compliance.collector.shell.MitKdc.REALM;
import static uccx.compliance.collector.shell.MitKdc.TRUSTED_HOST;
import static uccx.compliance.collector.shell.MitKdc.USER;
import static uccx.compliance.collector.shell.WinRmShellTest.script;

import com.xebialabs.overthere.CmdLine;
import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.OverthereConnection;
import com.xebialabs.overthere.OverthereProcess;
import com.xebialabs.overthere.cifs.CifsConnectionBuilder;
import com.xebialabs.overthere.cifs.CifsConnectionType;
import com.xebialabs.overthere.util.DefaultAddressPortMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uccx.compliance.collector.shell.WinRmSettings.Delegation;
import uccx.compliance.lab.winrm.KerberosService;
import uccx.compliance.lab.winrm.ListenerFault;
import uccx.compliance.lab.winrm.Logon;
import uccx.compliance.lab.winrm.ScriptEcho;
import uccx.compliance.lab.winrm.WinRmEndpoint;
import uccx.compliance.lab.winrm.WinRmEndpointSettings;
import uccx.compliance.tls.Trust;

/**
 * The suite's Kerberos against a real KDC (Debian's MIT krb5kdc, {@link MitKdc}) and the lab's
 * WinRM endpoint accepting Negotiate with its service keytab: one login per run, no TGT to a
 * server Active Directory does not trust for delegation (even with {@code forwardable = true}),
 * one failed pre-authentication for a wrong password, and a refused shell named as such.
 *
 * <p>Tag "kerberos": surefire runs these in an execution of their own (pom.xml), a JVM whose
 * {@code java.security.krb5.conf} is the test KDC's, because the JDK reads krb5.conf once per JVM
 * and the property is JVM-wide; no other test uses Kerberos. Tag "proof": with -Pself-test, where
 * a missing KDC fails the test instead of skipping it ({@code .ci/run} installs krb5-kdc and
 * krb5-admin-server), as a missing pywinrm fails PyWinRmAgainstLabTest.
 */
@Tag("proof")
@Tag("kerberos")
@ExtendWith(MitKdc.Shared.class)
class KerberosAgainstLabTest {

    private MitKdc kdc;

    @BeforeEach
    void kdc(MitKdc shared) {
        kdc = shared;
    }

    private WinRmEndpoint endpoint(String host) throws IOException {
        return endpoint(host, WinRmEndpointSettings.http("labuser", "Lab-Pa55-basic"));
    }

    private WinRmEndpoint endpoint(String host, WinRmEndpointSettings settings) throws IOException {
        return WinRmEndpoint.start(settings.withKerberos(new KerberosService(kdc.keytab(host), MitKdc.service(host))),
                ScriptEcho.programs());
    }

    private static WinRmSettings kerberos(String host, int port, String password, Delegation delegation) {
        return new WinRmSettings(host, port, false, USER, password, Duration.ofSeconds(5), Duration.ofSeconds(20), Trust.jvmDefault(),
                delegation);
    }

    @Test
    void aDomainAccountLogsInOnceWithKerberosAndItsCommandRuns() throws Exception {
        int loginsBefore = kdc.userLogins().size();
        try (WinRmEndpoint endpoint = endpoint(ORDINARY_HOST);
             WinRmShell shell = new WinRmShell(kerberos(ORDINARY_HOST, endpoint.port(), kdc.password(), Delegation.FOLLOW_KDC_POLICY))) {
            ShellOutput output = shell.run(script("Get-ExchangeServer", ScriptEcho.SENTINEL));

            assertThat(output.stdout()).isEqualTo("read: Get-ExchangeServer\r\n");
            assertThat(endpoint.commandsReceived()).isEqualTo(1);
            assertThat(endpoint.kerberosLogons()).as("one Kerberos logon per WinRM request").hasSizeGreaterThan(3)
                    .containsOnly(Logon.kerberos(USER, false));
            assertThat(endpoint.failedAuthentications()).isZero();
            assertThat(endpoint.violations()).isEmpty();
        }
        assertThat(kdc.userLogins().subList(loginsBefore, kdc.userLogins().size()))
                .as("the KDC's AS exchanges for the run: one login (a pre-authentication request, then the TGT)")
                .filteredOn(line -> line.contains("ISSUE")).hasSize(1);
    }

    @Test
    void noTgtReachesAServerThatIsNotTrustedForDelegationEvenWhenTheTgtIsForwardable() throws Exception {
        try (WinRmEndpoint endpoint = endpoint(ORDINARY_HOST);
             WinRmShell shell = new WinRmShell(new WinRmSettings(ORDINARY_HOST, endpoint.port(), false, USER, kdc.password(),
                     Duration.ofSeconds(5), Duration.ofSeconds(20), Trust.jvmDefault()))) {
            shell.run(script(ScriptEcho.SENTINEL));

            assertThat(endpoint.kerberosLogons()).isNotEmpty().noneMatch(Logon::delegatedCredential);
        }
    }

    /** The code before: Overthere's own Kerberos (user@REALM given to Overthere) forwards the TGT to that same server. */
    @Test
    void overtheresOwnKerberosForwardsTheTgtToAServerThatIsNotTrustedForDelegation() throws Exception {
        try (WinRmEndpoint endpoint = endpoint(ORDINARY_HOST)) {
            ConnectionOptions options = new ConnectionOptions();
            options.set(OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
            options.set(CONNECTION_TYPE, CifsConnectionType.WINRM_INTERNAL);
            options.set(ADDRESS, ORDINARY_HOST);
            options.set(PORT, endpoint.port());
            options.set(USERNAME, USER);
            options.set(PASSWORD, kdc.password());
            options.set(CONNECTION_TIMEOUT_MILLIS, 5000);
            options.set(SOCKET_TIMEOUT_MILLIS, 20000);
            options.set(WINRM_KERBEROS_USE_HTTP_SPN, false);
            options.set(WINRM_KERBEROS_ADD_PORT_TO_SPN, false);
            options.set(WINRM_USE_CANONICAL_HOSTNAME, false);
            options.set(WINRM_KERBEROS_TICKET_CACHE, false);
            try (OverthereConnection connection = new CifsConnectionBuilder(CIFS_PROTOCOL, options, new DefaultAddressPortMapper()).connect()) {
                OverthereProcess process = connection.startProcess(new CmdLine().addRaw(WinRmShellTest.COMMAND_LINE));
                try (OutputStream stdin = process.getStdin()) {
                    stdin.write((ScriptEcho.SENTINEL + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                process.getStdout().readAllBytes();
                assertThat(process.waitFor()).isZero();
            }
            assertThat(endpoint.kerberosLogons()).isNotEmpty().allMatch(Logon::delegatedCredential);
        }
    }

    @Test
    void theTgtGoesToAServerTrustedForDelegationOnlyWhenTheSettingFollowsTheKdc() throws Exception {
        try (WinRmEndpoint endpoint = endpoint(TRUSTED_HOST)) {
            try (WinRmShell shell = new WinRmShell(kerberos(TRUSTED_HOST, endpoint.port(), kdc.password(), Delegation.FOLLOW_KDC_POLICY))) {
                shell.run(script(ScriptEcho.SENTINEL));
            }
            assertThat(endpoint.kerberosLogons()).as("FOLLOW_KDC_POLICY to an OK-AS-DELEGATE service").isNotEmpty()
                    .allMatch(Logon::delegatedCredential);
        }
        try (WinRmEndpoint endpoint = endpoint(TRUSTED_HOST);
             WinRmShell shell = new WinRmShell(kerberos(TRUSTED_HOST, endpoint.port(), kdc.password(), Delegation.NEVER))) {
            shell.run(script(ScriptEcho.SENTINEL));

            assertThat(endpoint.kerberosLogons()).as("NEVER").isNotEmpty().noneMatch(Logon::delegatedCredential);
        }
    }

    @Test
    void aWrongPasswordCostsOneFailedPreAuthenticationAndIsNeverTriedAgain() throws Exception {
        int loginsBefore = kdc.userLogins().size();
        try (WinRmEndpoint endpoint = endpoint(ORDINARY_HOST);
             WinRmShell shell = new WinRmShell(new WinRmSettings(ORDINARY_HOST, endpoint.port(), false, USER, "Wrong-Pa55",
                     Duration.ofSeconds(5), Duration.ofSeconds(20), Trust.jvmDefault()))) {
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessage("WinRM http://" + ORDINARY_HOST + ":" + endpoint.port() + "/wsman: the KDC of " + REALM
                            + " refused the password of " + USER + "; it is not tried again")
                    .message().doesNotContain("Wrong-Pa55");
            int loginsAfterFirst = kdc.userLogins().size();
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .hasMessageContaining("was refused earlier and is never tried twice");

            assertThat(kdc.userLogins().subList(loginsBefore, kdc.userLogins().size()))
                    .as("the KDC's AS exchanges for both runs").filteredOn(line -> line.contains("PREAUTH_FAILED")).hasSize(1);
            assertThat(kdc.userLogins()).as("the second run asked the KDC nothing").hasSize(loginsAfterFirst);
            assertThat(endpoint.negotiateTokensReceived()).isZero();
            assertThat(endpoint.failedAuthentications()).isZero();
            assertThat(endpoint.commandsReceived()).isZero();
        }
    }

    @Test
    void overHttpsTheCertificateIsVerifiedBeforeAnyTokenIsSent() throws Exception {
        try (WinRmEndpoint endpoint = endpoint(ORDINARY_HOST, WinRmEndpointSettings.http("labuser", "Lab-Pa55-basic").withHttps())) {
            try (WinRmShell pinned = new WinRmShell(new WinRmSettings(ORDINARY_HOST, endpoint.port(), true, USER, kdc.password(),
                    Duration.ofSeconds(5), Duration.ofSeconds(20), Trust.pinnedSha256(endpoint.certificateSha256())))) {
                assertThat(pinned.run(script("over TLS", ScriptEcho.SENTINEL)).stdout()).isEqualTo("read: over TLS\r\n");
            }
            int tokens = endpoint.negotiateTokensReceived();
            try (WinRmShell other = new WinRmShell(new WinRmSettings(ORDINARY_HOST, endpoint.port(), true, USER, kdc.password(),
                    Duration.ofSeconds(5), Duration.ofSeconds(20), Trust.pinnedSha256("00".repeat(31) + "01")))) {
                assertThatThrownBy(() -> other.run(script(ScriptEcho.SENTINEL)))
                        .isInstanceOf(ShellException.class)
                        .hasMessageContaining("TLS certificate not trusted");
            }
            assertThat(endpoint.negotiateTokensReceived()).isEqualTo(tokens);
            assertThat(endpoint.kerberosLogons()).isNotEmpty().containsOnly(Logon.kerberos(USER, false));
        }
    }

    @Test
    void anAnswerWhoseMutualAuthenticationTokenDoesNotVerifyIsNotUsed() throws Exception {
        try (WinRmEndpoint endpoint = endpoint(ORDINARY_HOST, WinRmEndpointSettings.http("labuser", "Lab-Pa55-basic")
                .withFault(ListenerFault.FORGED_MUTUAL_TOKEN));
             WinRmShell shell = new WinRmShell(kerberos(ORDINARY_HOST, endpoint.port(), kdc.password(), Delegation.FOLLOW_KDC_POLICY))) {
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessageStartingWith("WinRM http://" + ORDINARY_HOST + ":" + endpoint.port() + "/wsman: the server's Kerberos"
                            + " answer does not prove it is WSMAN/" + ORDINARY_HOST + " (mutual authentication failed: ");
            assertThat(endpoint.commandsReceived()).as("the shell's Create was answered, and nothing followed it").isZero();
        }
    }

    @Test
    void aKdcThatCannotBeReachedIsNotAPasswordRefusal() throws Exception {
        String user = "audit@" + MitKdc.UNREACHABLE_REALM;
        try (WinRmEndpoint endpoint = endpoint(ORDINARY_HOST);
             WinRmShell shell = new WinRmShell(new WinRmSettings(ORDINARY_HOST, endpoint.port(), false, user, kdc.password(),
                     Duration.ofSeconds(5), Duration.ofSeconds(20), Trust.jvmDefault()))) {
            for (int run = 1; run <= 2; run++) {
                assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                        .as("run %d: tried again, since the password was never judged", run)
                        .isInstanceOf(ShellException.class)
                        .hasMessageStartingWith("WinRM http://" + ORDINARY_HOST + ":" + endpoint.port() + "/wsman: could not verify the"
                                + " password of " + user + ": the KDC of " + MitKdc.UNREACHABLE_REALM + " could not be reached (")
                        .hasMessageContaining("; KDC 127.0.0.1:" + kdc.unreachablePort() + " (krb5.conf ")
                        .message().doesNotContain(kdc.password());
            }
            assertThat(endpoint.negotiateTokensReceived()).isZero();
        }
    }

    @Test
    void anAccountWithoutWinRmRightsIsToldHowToGetThem() throws Exception {
        try (WinRmEndpoint endpoint = endpoint(ORDINARY_HOST, WinRmEndpointSettings.http("labuser", "Lab-Pa55-basic")
                .withFault(ListenerFault.SHELL_ACCESS_DENIED));
             WinRmShell shell = new WinRmShell(kerberos(ORDINARY_HOST, endpoint.port(), kdc.password(), Delegation.FOLLOW_KDC_POLICY))) {
            assertThatThrownBy(() -> shell.run(script(ScriptEcho.SENTINEL)))
                    .isInstanceOf(ShellException.class)
                    .hasMessageContaining(USER + " authenticated but may not open a WinRM shell (WS-Management fault w:AccessDenied")
                    .hasMessageContaining("winrm configSDDL default")
                    .hasMessageContaining("\"WinRM rights\"");
            assertThat(endpoint.kerberosLogons()).containsExactly(Logon.kerberos(USER, false));
            assertThat(endpoint.commandsReceived()).isZero();
        }
    }
}
