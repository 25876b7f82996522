package uccx.compliance.probes;

import java.io.IOException;
import java.util.Properties;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * Angus's IMAP connection with every response read within an {@link ImapSessionBound}.
 *
 * <p>Why here and not in a socket factory: with {@code imap.security} {@code ssl} Angus opens the
 * TCP socket itself and hands it to the SSL socket factory, and after STARTTLS it reads the
 * plaintext from the JDK's SSLSocket, so a bounded socket would see only ciphertext, or nothing,
 * unless an SSLSocket were imitated by delegation (some fifty methods, any one missed a silent
 * fault). Every response Angus parses, before or after TLS, is read through {@link #readResponse}
 * into the buffer {@link #getResponseBuffer} gives (Angus's {@code Response(Protocol)}), so the
 * bound sits on the plaintext in all three modes.
 */
final class BoundedImapProtocol extends IMAPProtocol {

    // Deliberately without an initializer: IMAPProtocol's constructor reads the greeting and
    // CAPABILITY through the overrides below, before this class's initializers would run, and an
    // initializer would then forget what they counted.
    private ImapSessionBound bound;

    BoundedImapProtocol(String name, String host, int port, Properties props, boolean isSSL, MailLogger logger)
            throws IOException, ProtocolException {
        super(name, host, port, props, isSSL, logger);
    }

    @Override
    protected ByteArray getResponseBuffer() {
        // Angus's own buffer here is only for fetchBody, and the probes fetch no message.
        return bound().nextResponseBuffer();
    }

    @Override
    public Response readResponse() throws IOException, ProtocolException {
        try {
            Response response = super.readResponse();
            bound().counted();
            return response;
        } catch (ImapSessionBound.ResponseTooLong e) {
            throw e.overBound();
        } catch (IndexOutOfBoundsException e) {
            // Angus adds 16 bytes of slack to a literal's announced size before it grows the buffer; from
            // {2147483632} on the sum wraps below zero, no growth is asked for, and the read of the literal
            // fails on its length instead: the same over-long announcement, refused the same way.
            throw new ImapSessionBound.ResponseTooLong().overBound();
        }
    }

    private ImapSessionBound bound() {
        if (bound == null) {
            bound = new ImapSessionBound();
        }
        return bound;
    }
}
