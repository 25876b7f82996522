package uccx.compliance.lab.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A receive connector of an Exchange 2010 Hub Transport server, as far as the UCCX server's SMTP
 * path needs it: Exchange's banner and EHLO extensions, MAIL and RCPT (refused for an unknown
 * mailbox), RSET and QUIT, MaxInboundConnectionPerSource and MaxInboundConnection enforced.
 * DATA is refused and recorded: the suite must never deliver mail.
 */
public final class SmtpEndpoint implements AutoCloseable {

    private final SmtpEndpointSettings settings;
    private final ServerSocket server;
    private final SmtpJournal journal = new SmtpJournal();
    private final ConnectionLimits limits;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab-smtp");
        // A test that forgets close() must not keep the JVM alive.
        t.setDaemon(true);
        return t;
    });

    private SmtpEndpoint(SmtpEndpointSettings settings, ServerSocket server) {
        this.settings = settings;
        this.server = server;
        this.limits = new ConnectionLimits(settings.maxInboundConnectionPerSource(), settings.maxInboundConnection());
    }

    /** Listens on a free loopback port: the lab is never reachable from another machine. */
    public static SmtpEndpoint start(SmtpEndpointSettings settings) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        SmtpEndpoint endpoint = new SmtpEndpoint(settings, socket);
        endpoint.threads.execute(endpoint::accept);
        return endpoint;
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    public SmtpEndpointSettings settings() {
        return settings;
    }

    /**
     * Connections admitted and not yet ended. A session ends when the endpoint notices its client has
     * gone, a moment after the client closed; a test that needs the slot back waits for this.
     */
    public int openConnections() {
        return limits.open();
    }

    public SmtpJournal journal() {
        return journal;
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(socket);
            // Admission is decided here, in accept order, so "the third connection" is well defined.
            boolean admitted = limits.admit(socket.getInetAddress());
            try {
                threads.execute(() -> serve(socket, admitted));
            } catch (RejectedExecutionException closing) {
                if (admitted) {
                    limits.release(socket.getInetAddress());
                }
                closeQuietly(socket);
                return;
            }
        }
    }

    private void serve(Socket socket, boolean admitted) {
        try (socket) {
            if (!admitted) {
                journal.rejectConnection();
                SmtpSession.reply(socket.getOutputStream(), SmtpSession.CONNECTION_LIMIT);
                return;
            }
            new SmtpSession(journal.openSession(), socket, settings, journal).run();
        } catch (IOException gone) {
            // The client left or close() shut the socket: nobody is there to answer.
        } finally {
            if (admitted) {
                limits.release(socket.getInetAddress());
            }
            open.remove(socket);
        }
    }

    /** Stops accepting, drops every session and waits for their threads. */
    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(SmtpEndpoint::closeQuietly);
        threads.shutdownNow();
        try {
            // No exception when a thread lingers: the lab closes several endpoints in a row and
            // must close them all; isClosed() lets a test prove nothing was left behind.
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the listener is closed and every session thread has ended. */
    public boolean isClosed() {
        return server.isClosed() && threads.isTerminated();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing anyway: the socket is unusable either way.
        }
    }
}
