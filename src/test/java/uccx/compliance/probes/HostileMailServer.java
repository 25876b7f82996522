package uccx.compliance.probes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A mail server on a free loopback port that plays one hostile script per connection: it
 * writes until the probe hangs up. Closing it stops its thread and every socket it opened.
 */
final class HostileMailServer implements AutoCloseable {

    /** What the server does with one accepted connection; returning or throwing ends the connection. */
    interface Script {
        void play(Socket client) throws IOException;
    }

    private final ServerSocket listener;
    private final Thread thread;

    HostileMailServer(Script script) throws IOException {
        listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket client = listener.accept()) {
                    script.play(client);
                } catch (IOException probeHungUp) {
                    // The probe closed the connection: that is how every script ends.
                }
            }
        }, "hostile-mail-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    static void write(Socket client, String text) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one line the probe sent, or fails when it hung up. */
    static String readLine(Socket client) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = client.getInputStream().read(); b != '\n'; b = client.getInputStream().read()) {
            if (b < 0) {
                throw new IOException("the probe hung up");
            }
            line.append((char) b);
        }
        return line.toString().strip();
    }

    @Override
    public void close() {
        try {
            listener.close();
            thread.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
