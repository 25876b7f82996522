package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every live control is proven to fail: the compliant lab with one deliberate change, the whole
 * suite run against it, and exactly the controls that change breaks come out non-compliant (or
 * could-not-verify where a probe has nothing to judge), everything else compliant.
 */
@Tag("proof")
class LiveControlsCanFailTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final Path ENVIRONMENTS = PROJECT.resolve("target/proof-environments");

    @TempDir
    Path reports;

    private ProofRun run(String name, Map<String, String> variables, Consumer<LabVariant> violation) {
        LabVariant variant = LabVariant.ofCompliantLab(PROJECT);
        violation.accept(variant);
        return ProofRun.of(variant.writeTo(ENVIRONMENTS, name), PROJECT, reports, variables);
    }

    private static void capacityOff(LabVariant lab) {
        lab.change(root -> root.putObject("probes").put("capacity", false));
    }

    @Test
    void aPerUserLimitOfOneReproducesTheCiscoCapture() {
        ProofRun run = run("live01-per-user-1", Map.of(), lab -> {
            capacityOff(lab);
            ((ObjectNode) lab.server("EXCH01").get("imapSettings")).put("MaxConnectionsPerUser", 1);
        });
        ProofRunAssert.assertThat(run)
                .reports(Map.of("IMAP-01 EXCH01", "non-compliant", "LIVE-01 EXCH01", "non-compliant", "LIVE-02 EXCH01", "not-applicable"))
                .hasMessage("LIVE-01", "EXCH01", "NO AUTHENTICATE failed.", "the password is right and a per-user limit is hit",
                        "IMAP-01 MaxConnectionsPerUser (collected: EXCH01 1, EXCH02 2400)", "THR-02 IMAPMaxConcurrency (collected: $null");
    }

    @Test
    void aLimitOfThreeCannotCarry120Agents() {
        ProofRun run = run("live02-limit-3", Map.of(), lab -> ((ObjectNode) lab.server("EXCH01").get("imapSettings"))
                .put("MaxConnectionsPerUser", 3));
        ProofRunAssert.assertThat(run)
                .reports(Map.of("IMAP-01 EXCH01", "non-compliant", "LIVE-02 EXCH01", "non-compliant"))
                .hasMessage("LIVE-02", "EXCH01", "expected 242 (2 x (120 agents + 1))", "found 3 in", "AUTHENTICATE failed.");
    }

    @Test
    void secureLoginWithoutTlsOffersNoUsableLoginOnRtm() {
        // SecureLogin advertises LOGINDISABLED until STARTTLS; RTM offers no NTLM either, so with
        // security: none nothing is left that the UCCX client could log in with.
        ProofRun run = run("live04-secure-login-rtm", Map.of(), lab -> {
            capacityOff(lab);
            lab.change(root -> ((ObjectNode) root.get("exchange")).put("version", "2010-RTM"));
            lab.lab().withArray("servers").forEach(s -> ((ObjectNode) s).put("adminDisplayVersion", "Version 14.0 (Build 639.21)"));
            lab.lab().withArray("throttlingPolicies").forEach(p -> ((ObjectNode) p)
                    .remove(java.util.List.of("CPAMaxConcurrency", "CPAPercentTimeInCAS", "CPAPercentTimeInMailboxRPC")));
            ((ObjectNode) lab.server("EXCH01").get("imapSettings")).put("LoginType", "SecureLogin");
        });
        ProofRunAssert.assertThat(run)
                .reports(Map.of("LIVE-04 EXCH01", "non-compliant", "LIVE-01 EXCH01", "could-not-verify", "LIVE-02 EXCH01", "not-applicable"))
                .hasMessage("LIVE-04", "EXCH01", "LOGINDISABLED", "starttls");
    }

    @Test
    void aClosedPortIsNet01AndLeavesTheOtherProbesNothingToJudge() throws IOException {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        int port = closed;
        String target = "127.0.0.1:" + port;
        ProofRun run = run("net01-closed-port", Map.of(), lab -> lab.change(root -> root.putObject("imap")
                .put("host", "127.0.0.1").put("port", port).put("security", "none")));
        ProofRunAssert.assertThat(run)
                .reports(Map.of("NET-01 IMAP " + target, "non-compliant", "LIVE-01 " + target, "could-not-verify",
                        "LIVE-02 " + target, "could-not-verify", "LIVE-04 " + target, "could-not-verify"))
                .hasMessage("NET-01", "IMAP " + target, "127.0.0.1:" + port, "refused");
    }

    @Test
    void anUnknownMailboxIsRefusedAtRcpt() {
        // A mailbox that does not exist: SMTP refuses it at RCPT, and the controls that need the
        // mailbox's own settings cannot verify anything, which is the truth.
        String unknown = "nobody-here@lab.example.com";
        ProofRun run = run("live03-unknown-rcpt", Map.of(), lab -> {
            capacityOff(lab);
            lab.change(root -> ((ObjectNode) root.get("uccx")).put("mailbox", unknown));
        });
        ProofRunAssert.assertThat(run)
                .reports(Map.of("LIVE-03 EXCH01\\UCCX Relay", "non-compliant", "LIVE-02 EXCH01", "not-applicable",
                        "IMAP-03 EXCH01", "could-not-verify", "IMAP-03 EXCH02", "could-not-verify",
                        "THR-01 " + unknown, "could-not-verify", "THR-02 " + unknown, "could-not-verify",
                        "MBX-01 " + LabVariant.ofCompliantLab(PROJECT).uccxAccount(), "could-not-verify",
                        // EXC-02 needs the mailbox's Database to know which servers hold a copy of it
                        "EXC-02 organisation", "could-not-verify"))
                .hasMessage("LIVE-03", "EXCH01\\UCCX Relay", "RCPT TO:<" + unknown + ">", "550");
    }

    @Test
    void aWrongPasswordIsTriedExactlyOnceInTheWholeRun() {
        ProofRun run = run("live01-wrong-password", Map.of("UCCX_PROOF_PASSWORD", "not-the-password"), lab ->
                lab.change(root -> ((ObjectNode) root.get("uccx")).put("password", "${UCCX_PROOF_PASSWORD}")));
        ProofRunAssert.assertThat(run)
                .reports(Map.of("LIVE-01 EXCH01", "non-compliant", "LIVE-02 EXCH01", "could-not-verify"))
                .hasMessage("LIVE-01", "EXCH01", "the credentials or the account are wrong", "not tried again")
                .measured("labImapFailedLogins", "1");
        assertThat(run.summary().toString()).doesNotContain("not-the-password");
    }
}
