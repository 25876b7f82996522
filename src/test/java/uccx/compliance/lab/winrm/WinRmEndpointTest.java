package uccx.compliance.lab.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static uccx.compliance.lab.winrm.RawWsman.ACTIONS;
import static uccx.compliance.lab.winrm.RawWsman.SHELL_NS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lab endpoint driven by hand-written requests: faults, authentication and cmd.exe's limit as Windows answers them. */
class WinRmEndpointTest {

    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";

    private WinRmEndpoint endpoint;
    private RawWsman wsman;

    @BeforeEach
    void start() throws IOException {
        endpoint = WinRmEndpoint.start(WinRmEndpointSettings.http("labuser", "per-run-secret"), ScriptEcho.programs());
        wsman = new RawWsman(endpoint.uri(), "labuser", "per-run-secret");
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void aRequestWithoutCredentialsIsChallengedAndNotCountedAsAFailure() throws Exception {
        RawWsman.Answer answer = wsman.send("<x/>", null, "");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge()).isEqualTo("Basic realm=\"WSMAN\"");
        assertThat(endpoint.failedAuthentications()).isZero();
    }

    @Test
    void wrongCredentialsAreCountedAndASecondAttemptIsAViolation() throws Exception {
        RawWsman wrong = new RawWsman(endpoint.uri(), "labuser", "guess");

        assertThat(wrong.createShellStatus()).isEqualTo(401);
        assertThat(endpoint.failedAuthentications()).isEqualTo(1);
        assertThat(endpoint.violations()).isEmpty();

        assertThat(wrong.createShellStatus()).isEqualTo(401);
        assertThat(endpoint.failedAuthentications()).isEqualTo(2);
        assertThat(endpoint.violations()).singleElement().asString().contains("a refused password must never be retried");
    }

    @Test
    void malformedXmlGetsASoapFault() throws Exception {
        RawWsman.Answer answer = wsman.send("<env:Envelope", "Basic " + Base64.getEncoder()
                .encodeToString("labuser:per-run-secret".getBytes(StandardCharsets.UTF_8)), "");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).startsWith("application/soap+xml");
        assertThat(answer.text(SOAP, "Subcode")).isEqualTo("w:SchemaValidationError");
    }

    @Test
    void anUnknownActionGetsActionNotSupported() throws Exception {
        RawWsman.Answer answer = wsman.post("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", null, "", "PT5S");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.text(SOAP, "Subcode")).isEqualTo("a:ActionNotSupported");
        assertThat(answer.text(ADDRESSING, "RelatesTo")).isEqualTo(answer.messageId());
    }

    @Test
    void anUnknownShellGetsInvalidSelectors() throws Exception {
        RawWsman.Answer answer = wsman.command("0B9C2D51-0000-0000-0000-000000000000", "\"dir\"");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.text(SOAP, "Subcode")).isEqualTo("w:InvalidSelectors");
        assertThat(answer.attribute(FAULT, "WSManFault", "Code")).isEqualTo("2150858843");
    }

    @Test
    void aReceiveWithNoOutputWithinTheOperationTimeoutGetsTimedOutAndTheCommandStillRuns() throws Exception {
        String shellId = wsman.createShell();
        String commandId = wsman.command(shellId, "\"powershell.exe -Command -\"").text(SHELL_NS, "CommandId");

        RawWsman.Answer timedOut = wsman.receive(shellId, commandId, "PT0.200S");
        assertThat(timedOut.status()).isEqualTo(500);
        assertThat(timedOut.text(SOAP, "Subcode")).isEqualTo("w:TimedOut");
        assertThat(timedOut.attribute(FAULT, "WSManFault", "Code")).isEqualTo("2150858793");

        String stdin = Base64.getEncoder().encodeToString(("late\r\n" + ScriptEcho.SENTINEL + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(wsman.post(ACTIONS + "Send", shellId, "<rsp:Send><rsp:Stream Name=\"stdin\" CommandId=\"" + commandId + "\">"
                + stdin + "</rsp:Stream></rsp:Send>", "PT5S").status()).isEqualTo(200);
        RawWsman.Answer done = wsman.receive(shellId, commandId, "PT5S");
        assertThat(done.attribute(SHELL_NS, "CommandState", "State")).endsWith("/CommandState/Done");
        assertThat(done.text(SHELL_NS, "ExitCode")).isEqualTo("0");
        assertThat(new String(Base64.getDecoder().decode(done.text(SHELL_NS, "Stream")), StandardCharsets.US_ASCII)).isEqualTo("read: late\r\n");
    }

    @Test
    void aDeletedShellIsGone() throws Exception {
        String shellId = wsman.createShell();
        String commandId = wsman.command(shellId, "\"powershell.exe -Command -\"").text(SHELL_NS, "CommandId");

        RawWsman.Answer signalled = wsman.post(ACTIONS + "Signal", shellId, "<rsp:Signal CommandId=\"" + commandId + "\"><rsp:Code>"
                + ACTIONS + "signal/terminate</rsp:Code></rsp:Signal>", "PT5S");
        RawWsman.Answer deleted = wsman.post("http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete", shellId, "", "PT5S");

        assertThat(signalled.text(ADDRESSING, "Action")).isEqualTo(ACTIONS + "SignalResponse");
        assertThat(deleted.text(ADDRESSING, "Action")).isEqualTo("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse");
        assertThat(wsman.receive(shellId, commandId, "PT1S").text(SOAP, "Subcode")).isEqualTo("w:InvalidSelectors");
    }

    @Test
    void aCommandLineOverCmdExesLimitIsRefusedAsCmdExeRefusesItAndRecorded() throws Exception {
        String shellId = wsman.createShell();
        String atTheLimit = "\"" + "a".repeat(CmdExe.MAX_COMMAND_LINE - 2) + "\"";
        String overTheLimit = "\"" + "b".repeat(CmdExe.MAX_COMMAND_LINE - 1) + "\"";

        String accepted = wsman.command(shellId, atTheLimit).text(SHELL_NS, "CommandId");
        String refused = wsman.command(shellId, overTheLimit).text(SHELL_NS, "CommandId");

        assertThat(wsman.receive(shellId, accepted, "PT0.100S").text(SOAP, "Subcode")).isEqualTo("w:TimedOut");
        RawWsman.Answer answer = wsman.receive(shellId, refused, "PT5S");
        assertThat(answer.text(SHELL_NS, "ExitCode")).isEqualTo("1");
        assertThat(answer.document().getElementsByTagNameNS(SHELL_NS, "Stream").getLength()).isEqualTo(2);
        assertThat(stderrOf(answer)).isEqualTo("The command line is too long.\r\n");
        assertThat(endpoint.commandsReceived()).isEqualTo(2);
        assertThat(endpoint.commandLines()).extracting(String::length).containsExactly(8189, 8190);
        assertThat(endpoint.violations()).singleElement().asString()
                .startsWith("a command line of 8192 characters (8190 after cmd.exe's quote rule) reached cmd.exe, which accepts at most 8191");
    }

    private static String stderrOf(RawWsman.Answer answer) throws Exception {
        var streams = answer.document().getElementsByTagNameNS(SHELL_NS, "Stream");
        for (int i = 0; i < streams.getLength(); i++) {
            var stream = (org.w3c.dom.Element) streams.item(i);
            if (stream.getAttribute("Name").equals("stderr")) {
                return new String(Base64.getDecoder().decode(stream.getTextContent()), ProgramResult.CONSOLE);
            }
        }
        return null;
    }
}
