package uccx.compliance.probes;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import uccx.compliance.environment.ImapSecurity;

/**
 * A raw line-based connection (IMAP or SMTP) for the probes that must see the server's exact
 * lines. Connect is bounded by the target's connect timeout, every line by its read timeout
 * (the whole line, not each read) and by {@link #MAX_LINE_BYTES}: a server that streams or
 * trickles bytes without a line end is refused, not buffered or waited for.
 */
final class LineChannel implements AutoCloseable {

    /**
     * The longest line read. RFC 5321 section 4.5.3.1.5 lets an SMTP reply line be 512 octets;
     * RFC 2683 section 3.2.1.5 asks IMAP clients to take lines of 8000 octets or more, and an
     * Exchange CAPABILITY line is under 300. 64 KiB is far beyond both and still small.
     */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final MailTarget target;
    private final TlsClient tls;
    private Socket socket;
    private InputStream in;
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

    /**
     * One line without its CRLF (or bare LF), as ISO-8859-1 so that every byte is kept as it came.
     * The whole line must arrive within the read timeout: a server trickling a byte now and then
     * would otherwise never trip a timeout that counts per read.
     */
    String readLine() throws IOException {
        long deadline = System.nanoTime() + target.readTimeout().toNanos();
        try {
            return readLine(deadline);
        } finally {
            // A TLS handshake after this line reads with the socket's timeout: it gets the whole one back.
            socket.setSoTimeout(Math.toIntExact(target.readTimeout().toMillis()));
        }
    }

    private String readLine(long deadline) throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        for (int b = nextByte(deadline); b != '\n'; b = nextByte(deadline)) {
            if (b < 0) {
                if (length == 0) {
                    throw new EOFException("the server closed the connection");
                }
                break;
            }
            if (length == MAX_LINE_BYTES) {
                throw new OverBound("the server sent a line longer than " + MAX_LINE_BYTES / 1024
                        + " KiB (the bound on one line); it was not read further");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE_BYTES));
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    private int nextByte(long deadline) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException("Read timed out: no whole line within the read timeout");
        }
        socket.setSoTimeout(Math.toIntExact(left));
        return in.read();
    }

    void writeLine(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
