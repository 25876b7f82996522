package uccx.compliance.collector.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on a free loopback port that plays a hostile peer, one thread per connection.
 * Closing it closes its port and every connection it accepted.
 */
final class HostileServer implements AutoCloseable {

    /** What the server does with one accepted connection; returning or throwing ends it. */
    interface Script {
        void play(Socket client) throws IOException;
    }

    private final ServerSocket listener;
    private final Set<Socket> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    HostileServer(Script script) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    accepted.add(client);
                    connections.incrementAndGet();
                    Thread play = new Thread(() -> {
                        try (client) {
                            script.play(client);
                        } catch (IOException hungUp) {
                            // The other side closed: the script is over.
                        }
                    }, "hostile-server-connection");
                    play.setDaemon(true);
                    play.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "hostile-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections reached this server. */
    int connections() {
        return connections.get();
    }

    /** Reads one HTTP request, headers and Content-Length body; false when the client hung up first. */
    static boolean readRequest(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        if (b < 0) {
            return false;
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).strip());
            }
        }
        in.skipNBytes(length);
        return true;
    }

    static void write(Socket client, String text) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Writes {@code count} bytes of {@code fill}, or fewer when the client hangs up. */
    static void writeBytes(Socket client, long count, byte fill) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, fill);
        OutputStream out = client.getOutputStream();
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        out.flush();
    }

    @Override
    public void close() {
        LoopbackHop.closeQuietly(listener);
        accepted.forEach(LoopbackHop::closeQuietly);
    }
}
