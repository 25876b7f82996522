package uccx.compliance.probes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A few lines of Exchange 2010's IMAP dialect on a loopback port, for the answers GreenMail
 * never gives: the per-user and store limits, LOGINDISABLED.
 */
final class FakeImapServer implements AutoCloseable {

    static final String GREETING = "* OK The Microsoft Exchange IMAP4 service is ready.";

    private final ServerSocket listener;
    private final String capabilities;
    private final IntFunction<Optional<String>> loginRefusal;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /**
     * @param capabilities what CAPABILITY answers, e.g. {@code IMAP4 IMAP4rev1 AUTH=PLAIN}
     * @param loginRefusal for the n-th connection (0-based), the NO text of its login, or empty to accept
     */
    FakeImapServer(String capabilities, IntFunction<Optional<String>> loginRefusal) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.capabilities = capabilities;
        this.loginRefusal = loginRefusal;
        this.acceptor = new Thread(this::accept, "fake-imap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket s = listener.accept();
                open.add(s);
                int n = connections.getAndIncrement();
                Thread t = new Thread(() -> serve(s, n), "fake-imap-" + n);
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException closed) {
            // close() ends the loop.
        }
    }

    private void serve(Socket s, int n) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = s.getOutputStream();
            send(out, GREETING);
            String line;
            while ((line = in.readLine()) != null) {
                String[] parts = line.split(" ", 3);
                String tag = parts[0];
                String verb = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
                switch (verb) {
                    case "CAPABILITY" -> {
                        send(out, "* CAPABILITY " + capabilities);
                        send(out, tag + " OK CAPABILITY completed.");
                    }
                    case "AUTHENTICATE" -> {
                        send(out, "+ ");
                        in.readLine();
                        answerLogin(out, tag, n);
                    }
                    case "LOGIN" -> answerLogin(out, tag, n);
                    case "EXAMINE", "SELECT" -> {
                        send(out, "* 0 EXISTS");
                        send(out, "* 0 RECENT");
                        send(out, "* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft)");
                        send(out, "* OK [UIDVALIDITY 1] UIDVALIDITY value");
                        send(out, tag + " OK [READ-ONLY] EXAMINE completed.");
                    }
                    case "LOGOUT" -> {
                        send(out, "* BYE Microsoft Exchange Server 2010 IMAP4 server signing off.");
                        send(out, tag + " OK LOGOUT completed.");
                        return;
                    }
                    default -> send(out, tag + " OK " + verb + " completed.");
                }
            }
        } catch (IOException dropped) {
            // The client went away; nothing to serve.
        }
    }

    private void answerLogin(OutputStream out, String tag, int n) throws IOException {
        Optional<String> refusal = loginRefusal.apply(n);
        send(out, tag + (refusal.isPresent() ? " NO " + refusal.get() : " OK LOGIN completed."));
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (SocketException ignored) {
                // already closed
            }
        }
    }
}
