package uccx.compliance.lab.imap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A bare IMAP client for exact wire text: what it sends is what the test wrote. */
final class RawImap implements AutoCloseable {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    private RawImap(Socket socket) throws IOException {
        attach(socket);
    }

    static RawImap connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return new RawImap(socket);
    }

    /** The next line from the server, or null at end of stream. */
    String line() throws IOException {
        return in.readLine();
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a tagged command and returns every line up to and including the tagged answer. */
    List<String> command(String tag, String command) throws IOException {
        send(tag + " " + command);
        return untilTagged(tag);
    }

    List<String> untilTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            lines.add(line);
            if (line.startsWith(tag + " ")) {
                return lines;
            }
        }
        throw new IOException("connection closed before the tagged answer; got " + lines);
    }

    /** The last line of the command's answer: the tagged one. */
    String tagged(String tag, String command) throws IOException {
        List<String> lines = command(tag, command);
        return lines.get(lines.size() - 1);
    }

    void startTls(SSLContext client) throws IOException {
        SSLSocket secured = (SSLSocket) client.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
        secured.startHandshake();
        attach(secured);
    }

    private void attach(Socket current) throws IOException {
        socket = current;
        in = new BufferedReader(new InputStreamReader(current.getInputStream(), StandardCharsets.UTF_8));
        out = current.getOutputStream();
    }

    /** Drops the connection without LOGOUT, as a crashed client does. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
