package uccx.compliance.lab.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The endpoint against Angus Mail's IMAP client, the client family the live probes use. */
class ImapEndpointAngusTest {

    private final ImapLab lab = new ImapLab();

    private Properties properties(int port) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", Integer.toString(port));
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        return properties;
    }

    private Store store(Properties properties) throws MessagingException {
        return Session.getInstance(properties).getStore("imap");
    }

    @Test
    void theCiscoCaptureWithMaxConnectionsPerUserOne() throws IOException, MessagingException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 1, 16))) {
            Store first = store(properties(endpoint.port()));
            Store second = store(properties(endpoint.port()));
            try {
                first.connect(ImapLab.ACCOUNT, ImapLab.PASSWORD);
                assertThatThrownBy(() -> second.connect(ImapLab.ACCOUNT, ImapLab.PASSWORD))
                        .isInstanceOf(AuthenticationFailedException.class)
                        .hasMessageContaining("AUTHENTICATE failed.");
            } finally {
                first.close();
            }
            assertThat(endpoint.journal().failedLogins()).isZero();
            assertThat(endpoint.journal().successfulLogins()).isEqualTo(1);
        }
    }

    @Test
    void secureLoginAfterStartTlsWithTheRunsCertificate() throws IOException, MessagingException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.SecureLogin, 16, 16).withInbox(new Inbox(5)))) {
            Properties properties = properties(endpoint.port());
            properties.put("mail.imap.starttls.enable", "true");
            properties.put("mail.imap.starttls.required", "true");
            properties.put("mail.imap.ssl.socketFactory", lab.clientContext().getSocketFactory());
            properties.put("mail.imap.ssl.checkserveridentity", "true");
            Store store = store(properties);
            store.connect(ImapLab.ACCOUNT, ImapLab.PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(5);
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(endpoint.journal().entries()).extracting(ImapJournal.Entry::command).contains("STARTTLS", "EXAMINE");
            assertThat(endpoint.journal().writes()).isEmpty();
            assertThat(endpoint.journal().successfulLogins()).isEqualTo(1);
        }
    }

    @Test
    void withoutStartTlsSecureLoginOffersNothingAngusCanUse() throws IOException, MessagingException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.SecureLogin, 16, 16).withNtlm(false))) {
            Store store = store(properties(endpoint.port()));
            assertThatThrownBy(() -> store.connect(ImapLab.ACCOUNT, ImapLab.PASSWORD)).isInstanceOf(MessagingException.class);
            assertThat(endpoint.journal().successfulLogins()).isZero();
        }
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() throws IOException, MessagingException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 16, 16))) {
            Store store = store(properties(endpoint.port()));
            assertThatThrownBy(() -> store.connect(ImapLab.ACCOUNT, "wrong"))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("AUTHENTICATE failed.");
            assertThat(endpoint.journal().failedLogins()).isEqualTo(1);
        }
    }

    @Test
    void storeLimitReachesAngusAsItsOwnAnswer() throws IOException, MessagingException {
        try (ImapEndpoint endpoint = ImapEndpoint.start(lab.settings(LoginType.PlainTextLogin, 10, 2))) {
            Store one = store(properties(endpoint.port()));
            Store two = store(properties(endpoint.port()));
            Store three = store(properties(endpoint.port()));
            try {
                one.connect(ImapLab.ACCOUNT, ImapLab.PASSWORD);
                two.connect(ImapLab.ACCOUNT, ImapLab.PASSWORD);
                assertThatThrownBy(() -> three.connect(ImapLab.ACCOUNT, ImapLab.PASSWORD))
                        .isInstanceOf(AuthenticationFailedException.class)
                        .hasMessageContaining("Server Unavailable. 15");
            } finally {
                one.close();
                two.close();
            }
        }
    }
}
