package uccx.compliance.probes;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import uccx.compliance.environment.ImapSecurity;

/**
 * A raw line-based connection (IMAP or SMTP) for the probes that must see the server's exact
 * lines. Connect and every read are bounded by the target's timeouts.
 */
final class LineChannel implements AutoCloseable {

    private final MailTarget target;
    private final TlsClient tls;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private boolean tlsActive;

    private LineChannel(MailTarget target, TlsClient tls) {
        this.target = target;
        this.tls = tls;
    }

    /** Connects, and for {@code ssl} completes the TLS handshake before the greeting. */
    static LineChannel open(MailTarget target, TlsClient tls) throws IOException {
        LineChannel channel = new LineChannel(target, tls);
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(target.host(), target.port()), Math.toIntExact(target.connectTimeout().toMillis()));
            plain.setSoTimeout(Math.toIntExact(target.readTimeout().toMillis()));
            channel.use(plain);
            if (target.security() == ImapSecurity.SSL) {
                channel.upgrade();
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** Switches this connection to TLS, after the server agreed to STARTTLS (or at once for implicit TLS). */
    void upgrade() throws IOException {
        use(tls.wrap(socket, target.host(), target.port()));
        tlsActive = true;
    }

    boolean tlsActive() {
        return tlsActive;
    }

    String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new EOFException("the server closed the connection");
        }
        return line;
    }

    void writeLine(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void use(Socket s) throws IOException {
        socket = s;
        // ISO-8859-1 keeps every byte of a line as it came; the replies we read are ASCII.
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        out = s.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
