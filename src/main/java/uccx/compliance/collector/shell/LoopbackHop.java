package uccx.compliance.collector.shell;

import com.xebialabs.overthere.spi.AddressPortMapper;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import uccx.compliance.environment.Durations;

/**
 * A connection the suite owns between Overthere and the WinRM server: Overthere is given this
 * hop as its {@link AddressPortMapper}, speaks plain HTTP to it on a loopback port, and the hop
 * carries each connection on to the server, opened as {@link ServerDial} says ({@link #carry}).
 * Why the suite needs one is told by its two kinds, {@link RelayHop} and {@link NegotiatingHop}.
 *
 * <h2>Bounds</h2>
 * The hop lives for one command ({@link WinRmShell} opens it for the run and closes it with
 * Overthere's connection), so its port accepts only while a command is in flight. Any local
 * process can reach a loopback port, so the hop
 * <ul>
 *   <li>carries at most {@link #MAX_CONNECTIONS} connections at once and closes any more at once;</li>
 *   <li>dials the server only once a connection has sent a request: one that connects and says
 *       nothing costs the server nothing and cannot fail the run;</li>
 *   <li>relays at most {@link #MAX_ANSWER_BYTES} of the server's answer on one connection;</li>
 *   <li>keeps each connection's failure to that connection: the run is told the first failure
 *       of a connection that reached the server, and the other connections carry on.</li>
 * </ul>
 */
abstract class LoopbackHop implements AddressPortMapper {

    /**
     * Overthere 5.3.2 opens one connection per SOAP request and has at most three open at once
     * (the command's input, its output, and a Signal or shell deletion when a run is cut short);
     * eight leaves room and stops a local stranger from opening hundreds.
     */
    static final int MAX_CONNECTIONS = 8;
    /**
     * The most the server may answer on one connection. Overthere asks for envelopes of at most
     * 153600 bytes (its winrmEnvelopSize default, WinRM's MaxEnvelopeSizekb 150), and MS-WSMV
     * 3.1.4.1.32 (wsman:MaxEnvelopeSize) has the server keep a response within it; Overthere reads
     * each answer whole into memory. 1 MiB is seven envelopes and an error page to spare.
     */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final ServerDial dial;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<WinRmFailure> failure = new AtomicReference<>();

    /** Listens on the loopback address that {@code localhost} resolves to, on a free port; call {@link #start()} next. */
    LoopbackHop(ServerDial dial, String threadName) throws IOException {
        InetAddress localhost = InetAddress.getByName("localhost");
        if (!localhost.isLoopbackAddress()) {
            throw new IOException("'localhost' resolves to " + localhost + ", not to a loopback address");
        }
        this.dial = dial;
        this.listener = new ServerSocket(0, MAX_CONNECTIONS, localhost);
        this.threads = Executors.newCachedThreadPool(DaemonThreads.named(threadName + "-" + dial.host()));
    }

    final void start() {
        threads.execute(this::accept);
    }

    /**
     * Carries one connection from Overthere to the server and back, until either side ends it;
     * opens the server's side with {@link #dialServer()} once Overthere has sent something.
     */
    abstract void carry(Socket local);

    final ServerDial dial() {
        return dial;
    }

    /** The server's address becomes the hop's; anything else (Overthere also maps the unused SMB port) is left alone. */
    @Override
    public final InetSocketAddress map(InetSocketAddress address) {
        if (address.getHostString().equals(dial.host()) && address.getPort() == dial.port()) {
            return InetSocketAddress.createUnresolved("localhost", listener.getLocalPort());
        }
        return address;
    }

    @Override
    public final SocketFactory socketFactory() {
        return SocketFactory.getDefault();
    }

    /** Why the hop first failed a connection that reached for the server, in the shell's words. */
    final Optional<WinRmFailure> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The first failure is the run's: later ones (the requests that clean up after it) follow from it. */
    final void fail(WinRmFailure why) {
        failure.compareAndSet(null, why);
    }

    static WinRmFailure answerOverBound() {
        return new WinRmFailure("the server's answer to one request was larger than " + MAX_ANSWER_BYTES / 1024 + " KiB (the bound on"
                + " one WinRM answer; the client asks for envelopes of at most 150 KiB); it was cut off", false);
    }

    static WinRmFailure noAnswerWithin(Duration readTimeout) {
        return new WinRmFailure("no answer within " + Durations.seconds(readTimeout) + " (read timeout)", false);
    }

    final void execute(Runnable task) {
        threads.execute(task);
    }

    /** The server's side of a connection, tracked and closed with the hop; empty, with the failure recorded, when it cannot be opened. */
    final Optional<Socket> dialServer() {
        try {
            Socket server = dial.open();
            track(server);
            return Optional.of(server);
        } catch (IOException e) {
            fail(new WinRmFailure(dial.explain(e), false));
            return Optional.empty();
        }
    }

    /** Closed with the hop, so that no thread stays blocked on it. */
    final void track(Closeable closeable) {
        open.add(closeable);
    }

    final void release(Closeable closeable) {
        closeQuietly(closeable);
        open.remove(closeable);
    }

    @Override
    public final void close() {
        closeQuietly(listener);
        open.forEach(LoopbackHop::closeQuietly);
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket local;
            try {
                local = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (!connections.tryAcquire()) {
                closeQuietly(local);
                continue;
            }
            track(local);
            try {
                threads.execute(() -> {
                    try {
                        carry(local);
                    } catch (RuntimeException broken) {
                        // One connection's fault ends that connection only.
                    } finally {
                        release(local);
                        connections.release();
                    }
                });
            } catch (RejectedExecutionException closing) {
                release(local);
                return;
            }
        }
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing is best effort: the socket is gone either way.
        }
    }
}
