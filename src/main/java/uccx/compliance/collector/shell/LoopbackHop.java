package uccx.compliance.collector.shell;

import com.xebialabs.overthere.spi.AddressPortMapper;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;

/**
 * A connection the suite owns between Overthere and the WinRM server: Overthere is given this
 * hop as its {@link AddressPortMapper}, speaks plain HTTP to it on a loopback port, and the hop
 * carries each connection on to the server, opened as {@link ServerDial} says ({@link #carry}).
 * Why the suite needs one is told by its two kinds, {@link TlsTunnel} and {@link NegotiatingHop}.
 */
abstract class LoopbackHop implements AddressPortMapper {

    private final ServerDial dial;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<WinRmFailure> failure = new AtomicReference<>();

    /** Listens on the loopback address that {@code localhost} resolves to, on a free port; call {@link #start()} next. */
    LoopbackHop(ServerDial dial, String threadName) throws IOException {
        InetAddress localhost = InetAddress.getByName("localhost");
        if (!localhost.isLoopbackAddress()) {
            throw new IOException("'localhost' resolves to " + localhost + ", not to a loopback address");
        }
        this.dial = dial;
        this.listener = new ServerSocket(0, 50, localhost);
        this.threads = Executors.newCachedThreadPool(DaemonThreads.named(threadName + "-" + dial.host()));
    }

    final void start() {
        threads.execute(this::accept);
    }

    /** Carries one connection from Overthere to the server and back, until either side ends it. */
    abstract void carry(Socket local, Socket server);

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

    /** Why the hop last failed a connection, in the shell's words; it explains the run better than Overthere can. */
    final Optional<WinRmFailure> failure() {
        return Optional.ofNullable(failure.get());
    }

    final void fail(WinRmFailure why) {
        failure.set(why);
    }

    final void execute(Runnable task) {
        threads.execute(task);
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

    /** Opens the server's side of a connection of Overthere's, or records why it could not. */
    private void serve(Socket local) {
        Socket server;
        try {
            server = dial.open();
        } catch (IOException e) {
            fail(new WinRmFailure(dial.explain(e), false));
            return;
        }
        track(server);
        try {
            carry(local, server);
        } finally {
            release(server);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket local = listener.accept();
                track(local);
                threads.execute(() -> {
                    try {
                        serve(local);
                    } finally {
                        release(local);
                    }
                });
            } catch (IOException closed) {
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
