package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static uccx.compliance.probes.HostileMailServer.readLine;
import static uccx.compliance.probes.HostileMailServer.write;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import uccx.compliance.environment.ImapSecurity;
import uccx.compliance.lab.winrm.LabCertificate;
import uccx.compliance.tls.Trust;

/**
 * The Angus Mail sessions of LIVE-01 and LIVE-02 against a server that never stops talking: each
 * ends with could-not-verify naming the bound, well within the read timeout (which a peer that
 * keeps sending never trips), and a literal announced as {@code {2000000000}} is refused before
 * Angus sizes a buffer from it. A bound tripping before LOGIN leaves the password unmarked; one
 * tripping after it is a login left unanswered, like a reset.
 */
class ImapSessionBoundsTest {

    /** Far below what the peer could send in this time, far above what a bounded session takes. */
    private static final Duration AT_MOST = Duration.ofSeconds(30);
    /**
     * The read timeout of these targets: long, so that a session ending well within it (a cold TLS
     * handshake included) shows the bound tripped, not the timeout.
     */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration WITHIN = READ_TIMEOUT.dividedBy(2);
    private static final String KIB_OF_A = "A".repeat(1024);
    private static final String RESPONSE_BOUND = "more than 64 KiB (the bound on one IMAP response, a literal it announces included)";
    private static final String GREETING = "* OK The Microsoft Exchange IMAP4 service is ready.\r\n";
    /** Without AUTH=PLAIN and STARTTLS Angus logs in with the LOGIN command, one line the script can read. */
    private static final String CAPABILITY = "* CAPABILITY IMAP4 IMAP4rev1 IDLE NAMESPACE LITERAL+\r\n";

    private final CredentialGuard guard = new CredentialGuard();

    @Test
    void aGreetingThatNeverEndsItsLineIsCutOffAtTheResponseBound() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "* OK ");
            while (true) {
                write(client, KIB_OF_A);
            }
        })) {
            DualLoginResult result = timedDualLogin(plain(server.port()));

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).isEqualTo("first session to 127.0.0.1:" + server.port()
                    + " (none): the server sent or announced " + RESPONSE_BOUND + "; it was not read further");
            assertThat(guard.withheld(Targets.credentials(Targets.PASSWORD))).isEmpty();
        }
    }

    @Test
    void aCapabilityAnnouncingAHugeLiteralIsRefusedBeforeItIsReadAndThePasswordIsNotMarked() throws IOException {
        // Angus would size a 2 GB buffer from the announcement; the server sends nothing after it.
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, GREETING);
            readLine(client);
            write(client, "* CAPABILITY IMAP4rev1 {2000000000}\r\n");
            readLine(client);
        })) {
            DualLoginResult result = timedDualLogin(plain(server.port()));

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).contains(RESPONSE_BOUND);
            assertThat(guard.withheld(Targets.credentials(Targets.PASSWORD))).isEmpty();
        }
    }

    @Test
    void aLiteralAnnouncedAtTheTopOfTheIntRangeIsRefusedToo() throws IOException {
        // Angus adds 16 bytes of slack to the announced size: past 2147483631 the sum wraps below zero.
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "* OK {2147483647}\r\n");
            readLine(client);
        })) {
            DualLoginResult result = timedDualLogin(plain(server.port()));

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).contains(RESPONSE_BOUND);
        }
    }

    @Test
    void aLoginAnsweredWithAHugeLiteralIsALoginLeftUnanswered() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, GREETING);
            write(client, CAPABILITY + tag(readLine(client)) + " OK CAPABILITY completed.\r\n");
            readLine(client);
            write(client, "* CAPABILITY {2000000000}\r\n");
            readLine(client);
        })) {
            DualLoginResult result = timedDualLogin(plain(server.port()));

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).contains(RESPONSE_BOUND);
            // The password left: as after a reset, it is not sent again in this run.
            assertThat(guard.withheld(Targets.credentials(Targets.PASSWORD))).get()
                    .extracting(CredentialGuard.Withheld::detail).asString()
                    .contains("no answer after the password was sent", RESPONSE_BOUND);
        }
    }

    @Test
    void manyShortLinesAreCutOffAtTheBoundOnResponsesInOneSession() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, GREETING);
            readLine(client);
            while (true) {
                write(client, "* OK still here\r\n".repeat(64));
            }
        })) {
            CapacityResult result = assertTimeoutPreemptively(AT_MOST, () -> new Capacity(plain(server.port()), guard, 4,
                    Duration.ofSeconds(10)).run(Targets.credentials(Targets.PASSWORD), 3));

            assertThat(result.outcome()).isEqualTo(CapacityResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).isEqualTo("127.0.0.1:" + server.port() + " (none): the server sent more than "
                    + "10000 responses in one IMAP session (the bound on one session); it was not read further");
            assertThat(guard.withheld(Targets.credentials(Targets.PASSWORD))).isEmpty();
        }
    }

    @Test
    void manyLongLinesAreCutOffAtTheBoundOnBytesInOneSession() throws IOException {
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, GREETING);
            readLine(client);
            while (true) {
                write(client, "* OK " + KIB_OF_A + "\r\n");
            }
        })) {
            DualLoginResult result = timedDualLogin(plain(server.port()));

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).endsWith(": the server sent more than 1 MiB in one IMAP session (the bound on one session);"
                    + " it was not read further");
        }
    }

    @Test
    void afterStartTlsTheDecryptedStreamIsBoundedToo() throws IOException {
        LabCertificate certificate = LabCertificate.generate();
        SSLContext serverTls = certificate.serverContext();
        try (HostileMailServer server = new HostileMailServer(client -> {
            write(client, "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n");
            write(client, tag(readLine(client)) + " OK Begin TLS negotiation now.\r\n");
            Socket tls = serverSide(serverTls, client);
            readLine(tls);
            write(tls, "* CAPABILITY IMAP4rev1 AUTH=PLAIN ");
            while (true) {
                write(tls, KIB_OF_A);
            }
        })) {
            MailTarget startTls = new MailTarget("127.0.0.1", server.port(), ImapSecurity.STARTTLS,
                    Trust.pinnedSha256(certificate.sha256()), Duration.ofSeconds(2), READ_TIMEOUT);

            DualLoginResult result = timedDualLogin(startTls);

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).contains(RESPONSE_BOUND);
            assertThat(guard.withheld(Targets.credentials(Targets.PASSWORD))).isEmpty();
        }
    }

    @Test
    void overImplicitTlsAHugeLiteralIsRefusedBeforeItIsRead() throws IOException {
        LabCertificate certificate = LabCertificate.generate();
        SSLContext serverTls = certificate.serverContext();
        try (HostileMailServer server = new HostileMailServer(client -> {
            Socket tls = serverSide(serverTls, client);
            write(tls, "* OK {2000000000}\r\n");
            readLine(tls);
        })) {
            MailTarget imaps = new MailTarget("127.0.0.1", server.port(), ImapSecurity.SSL,
                    Trust.pinnedSha256(certificate.sha256()), Duration.ofSeconds(2), READ_TIMEOUT);

            DualLoginResult result = timedDualLogin(imaps);

            assertThat(result.outcome()).isEqualTo(DualLoginResult.Outcome.COULD_NOT_VERIFY);
            assertThat(result.detail()).contains(RESPONSE_BOUND);
        }
    }

    private static MailTarget plain(int port) {
        return new MailTarget("127.0.0.1", port, ImapSecurity.NONE, new Trust.JvmDefault(), Duration.ofSeconds(2), READ_TIMEOUT);
    }

    private DualLoginResult timedDualLogin(MailTarget target) {
        long started = System.nanoTime();
        DualLoginResult result = assertTimeoutPreemptively(AT_MOST,
                () -> new DualLogin(target, guard).run(Targets.credentials(Targets.PASSWORD)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(result.detail()).isLessThan(WITHIN);
        return result;
    }

    /** Angus numbers its tags per connection across the JVM, so a script answers with the tag it was sent. */
    private static String tag(String command) {
        return command.substring(0, command.indexOf(' '));
    }

    private static Socket serverSide(SSLContext context, Socket client) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(client, null, client.getPort(), false);
        tls.setUseClientMode(false);
        tls.startHandshake();
        return tls;
    }
}
