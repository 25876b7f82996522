package uccx.compliance.lab.imap;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Client Access server's IMAP4 service, on a free loopback port: Exchange 2010's wording and
 * limits (see {@link ImapEndpointSettings}). Each connection holds one thread while it lives,
 * from a pool bounded by MaxConnections (at most {@value #MAX_THREADS}); a connection past a limit
 * is refused at connect without one.
 */
public final class ImapEndpoint implements AutoCloseable {

    static final String BYE_REFUSED = "* BYE Connection refused";
    static final int MAX_THREADS = 4096;

    private final ImapEndpointSettings settings;
    private final ServerSocket server;
    private final Admission admission;
    private final ImapJournal journal = new ImapJournal();
    private final ExecutorService acceptor;
    private final ThreadPoolExecutor sessions;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionIds = new AtomicInteger();

    private ImapEndpoint(ImapEndpointSettings settings, ServerSocket server) {
        this.settings = settings;
        this.server = server;
        this.admission = new Admission(settings);
        int threads = Math.min(settings.maxConnections().orElse(MAX_THREADS), MAX_THREADS);
        String name = "lab-imap-" + settings.serverName() + "-";
        this.sessions = new ThreadPoolExecutor(0, Math.max(threads, 1), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, name + "session"));
        this.acceptor = Executors.newSingleThreadExecutor(r -> daemon(r, name + "acceptor"));
    }

    public static ImapEndpoint start(ImapEndpointSettings settings) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        ImapEndpoint endpoint = new ImapEndpoint(settings, server);
        endpoint.acceptor.execute(endpoint::accept);
        return endpoint;
    }

    public int port() {
        return server.getLocalPort();
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public ImapEndpointSettings settings() {
        return settings;
    }

    public ImapJournal journal() {
        return journal;
    }

    /** Sessions the account holds on this endpoint now (logged in, not yet gone). */
    public int sessionsOf(String account) {
        return admission.sessions(account);
    }

    /** Open connections, logged in or not. */
    public int connections() {
        return admission.connections();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            InetAddress source = socket.getInetAddress();
            if (!admission.tryConnect(source)) {
                refuse(socket);
                continue;
            }
            open.add(socket);
            ImapSession session = new ImapSession(sessionIds.incrementAndGet(), socket, settings, admission, journal);
            try {
                sessions.execute(() -> {
                    try {
                        session.run();
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (RejectedExecutionException e) {
                open.remove(socket);
                admission.disconnect(source);
                refuse(socket);
            }
        }
    }

    /** Past MaxConnections or MaxConnectionFromSingleIP: told so before any greeting, then closed. */
    private void refuse(Socket socket) {
        try (socket) {
            if (!settings.implicitTls()) {
                OutputStream out = socket.getOutputStream();
                out.write((BYE_REFUSED + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException ignored) {
            // the client left first
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        acceptor.shutdownNow();
        try {
            // a socket accepted just before the server closed is registered before the acceptor ends
            acceptor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        sessions.shutdownNow();
        try {
            sessions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
