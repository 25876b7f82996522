package uccx.compliance.lab.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.util.OptionalInt;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;

/** The same connector seen by Angus Mail, the client the live probes use. */
class SmtpEndpointAngusTest {

    @Test
    void angusNegotiatesEhloAndTheLabAcceptsTheMailboxWithoutDelivery() throws MessagingException, IOException {
        try (SmtpEndpoint endpoint = SmtpEndpoint.start(SmtpEndpointTest.settings(OptionalInt.of(2), OptionalInt.empty()))) {
            Properties props = new Properties();
            props.put("mail.smtp.host", endpoint.host());
            props.put("mail.smtp.port", String.valueOf(endpoint.port()));
            props.put("mail.smtp.connectiontimeout", "3000");
            props.put("mail.smtp.timeout", "3000");
            props.put("mail.smtp.localhost", "uccx.lab.example.com");
            SMTPTransport transport = (SMTPTransport) Session.getInstance(props).getTransport("smtp");
            transport.connect();
            // Angus keeps the reply's line end in getLastServerResponse(), hence strip() below.
            try {
                assertThat(transport.supportsExtension("PIPELINING")).isTrue();
                assertThat(transport.getExtensionParameter("SIZE")).isEqualTo("10485760");
                transport.issueCommand("MAIL FROM:<" + SmtpEndpointTest.MAILBOX + ">", 250);
                transport.issueCommand("RCPT TO:<" + SmtpEndpointTest.MAILBOX + ">", 250);
                assertThat(transport.getLastServerResponse().strip()).isEqualTo("250 2.1.5 Recipient OK");
                assertThat(transport.simpleCommand("RCPT TO:<nobody@lab.example.com>")).isEqualTo(550);
                assertThat(transport.getLastServerResponse().strip()).isEqualTo("550 5.1.1 User unknown");
                transport.issueCommand("RSET", 250);
            } finally {
                transport.close();
            }
            assertThat(endpoint.journal().entries()).extracting(SmtpJournal.Entry::verb)
                    .containsExactly("EHLO", "MAIL", "RCPT", "RCPT", "RSET", "QUIT");
            assertThat(endpoint.journal().dataAttempts()).isZero();
        }
    }
}
