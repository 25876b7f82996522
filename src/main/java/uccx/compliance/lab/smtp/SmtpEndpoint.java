package uccx.compliance.lab.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receive connector of an Exchange 2010 Hub Transport server, as far as the UCCX server's SMTP
 * path needs it: Exchange's banner and EHLO extensions, MAIL and RCPT (refused for an unknown
 * mailbox), RSET and QUIT, and MaxInboundConnectionPerSource enforced. DATA is refused and
 * recorded: the suite must never deliver mail.
 */
public final class SmtpEndpoint implements AutoCloseable {

    /**
     * @param maxInboundConnectionPerSource concurrent connections from one address; empty is unlimited
     * @param recipients                    the mailboxes RCPT TO accepts, case-insensitively
     */
    public record Settings(String serverFqdn, String connectorIdentity, Set<String> recipients,
                           OptionalInt maxInboundConnectionPerSource, Clock clock) {
    }

    /** One command a client sent. */
    public record Received(int session, String verb, String argument) {
    }

    private static final DateTimeFormatter BANNER_DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final List<String> EXTENSIONS = List.of("SIZE 10485760", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES",
            "X-ANONYMOUSTLS", "AUTH NTLM", "X-EXPS GSSAPI NTLM", "8BITMIME", "BINARYMIME", "CHUNKING", "XEXCH50", "XRDST");
    private static final int IDLE_MILLIS = 60_000;

    private final Settings settings;
    private final ServerSocket server;
    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lab-smtp");
        t.setDaemon(true);
        return t;
    });
    private final Map<InetAddress, AtomicInteger> perSource = new ConcurrentHashMap<>();
    private final List<Received> journal = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionIds = new AtomicInteger();
    private final AtomicInteger refusedConnections = new AtomicInteger();

    private SmtpEndpoint(Settings settings, ServerSocket server) {
        this.settings = settings;
        this.server = server;
    }

    public static SmtpEndpoint start(Settings settings) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SmtpEndpoint endpoint = new SmtpEndpoint(settings, socket);
        endpoint.sessions.execute(endpoint::accept);
        return endpoint;
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    public Settings settings() {
        return settings;
    }

    public List<Received> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** DATA commands received: the suite must never send one. */
    public List<Received> dataAttempts() {
        return journal().stream().filter(r -> r.verb().equals("DATA") || r.verb().equals("BDAT")).toList();
    }

    public int refusedConnections() {
        return refusedConnections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                sessions.execute(() -> session(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        InetAddress source = socket.getInetAddress();
        AtomicInteger fromSource = perSource.computeIfAbsent(source, a -> new AtomicInteger());
        int id = sessionIds.incrementAndGet();
        try (socket) {
            socket.setSoTimeout(IDLE_MILLIS);
            OutputStream out = socket.getOutputStream();
            int concurrent = fromSource.incrementAndGet();
            if (settings.maxInboundConnectionPerSource().isPresent() && concurrent > settings.maxInboundConnectionPerSource().getAsInt()) {
                refusedConnections.incrementAndGet();
                reply(out, "421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel");
                return;
            }
            reply(out, "220 " + settings.serverFqdn() + " Microsoft ESMTP MAIL Service ready at "
                    + BANNER_DATE.format(settings.clock().instant().atOffset(ZoneOffset.UTC)));
            converse(id, new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)), out, source);
        } catch (SocketTimeoutException idle) {
            // The client went silent; Exchange says so and closes.
            try {
                reply(socket.getOutputStream(), "451 4.7.0 Timeout waiting for client input");
            } catch (IOException ignored) {
                // already gone
            }
        } catch (IOException gone) {
            // The client closed the connection: nothing to answer.
        } finally {
            fromSource.decrementAndGet();
            open.remove(socket);
        }
    }

    private void converse(int id, BufferedReader in, OutputStream out, InetAddress source) throws IOException {
        boolean greeted = false;
        boolean hasSender = false;
        String line;
        while ((line = in.readLine()) != null) {
            int space = line.indexOf(' ');
            String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String argument = space < 0 ? "" : line.substring(space + 1);
            journal.add(new Received(id, verb, argument));
            switch (verb) {
                case "EHLO" -> {
                    greeted = true;
                    StringBuilder lines = new StringBuilder("250-" + settings.serverFqdn() + " Hello [" + source.getHostAddress() + "]");
                    for (int i = 0; i < EXTENSIONS.size(); i++) {
                        lines.append("\r\n250").append(i == EXTENSIONS.size() - 1 ? ' ' : '-').append(EXTENSIONS.get(i));
                    }
                    reply(out, lines.toString());
                }
                case "HELO" -> {
                    greeted = true;
                    reply(out, "250 " + settings.serverFqdn() + " Hello [" + source.getHostAddress() + "]");
                }
                case "MAIL" -> {
                    if (!greeted) {
                        reply(out, "503 5.5.2 Send hello first");
                    } else {
                        hasSender = true;
                        reply(out, "250 2.1.0 Sender OK");
                    }
                }
                case "RCPT" -> {
                    if (!hasSender) {
                        reply(out, "503 5.5.2 Need mail command");
                    } else if (isKnown(argument)) {
                        reply(out, "250 2.1.5 Recipient OK");
                    } else {
                        reply(out, "550 5.1.1 User unknown");
                    }
                }
                case "RSET" -> {
                    hasSender = false;
                    reply(out, "250 2.0.0 Resetting");
                }
                case "NOOP" -> reply(out, "250 2.0.0 OK");
                case "DATA", "BDAT" -> reply(out, "554 5.7.1 The lab refuses DATA: the compliance suite never delivers mail");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Service closing transmission channel");
                    return;
                }
                default -> reply(out, "500 5.3.3 Unrecognized command");
            }
        }
    }

    private boolean isKnown(String rcptArgument) {
        int open = rcptArgument.indexOf('<');
        int close = rcptArgument.indexOf('>');
        String address = open >= 0 && close > open ? rcptArgument.substring(open + 1, close) : rcptArgument;
        return settings.recipients().stream().anyMatch(r -> r.equalsIgnoreCase(address.trim()));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
        sessions.shutdownNow();
        try {
            sessions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
