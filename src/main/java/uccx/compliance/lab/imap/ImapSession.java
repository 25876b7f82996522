package uccx.compliance.lab.imap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.net.ssl.SSLSocket;

/**
 * One client connection, answered with Exchange 2010's wording. A logged-in session holds one
 * per-user slot on this endpoint and one service session on the store until LOGOUT or
 * disconnect, whichever way the connection ends.
 */
final class ImapSession implements Runnable {

    static final String GREETING = "* OK The Microsoft Exchange IMAP4 service is ready.";
    static final String BYE_LOGOUT = "* BYE Microsoft Exchange Server 2010 IMAP4 server signing off.";
    static final String BYE_IDLE = "* BYE Connection is closed. 13";
    static final String BAD_COMMAND = "BAD Command Argument Error. 11";
    static final String BAD_LOGIN_DISABLED = "BAD Command Argument Error. 12";
    static final String BAD_STATE = "BAD Command received in Invalid state.";
    static final String NO_STORE = "NO Server Unavailable. 15";

    private enum State { NOT_AUTHENTICATED, AUTHENTICATED, SELECTED }

    private static final Set<String> ANY_STATE = Set.of("CAPABILITY", "NOOP", "LOGOUT");
    private static final Set<String> BEFORE_LOGIN = Set.of("STARTTLS", "LOGIN", "AUTHENTICATE");
    private static final Set<String> AFTER_LOGIN = Set.of("LIST", "LSUB", "NAMESPACE", "STATUS", "EXAMINE", "SELECT");

    private final int id;
    private final ImapEndpointSettings settings;
    private final Admission admission;
    private final ImapJournal journal;
    private final InetAddress source;
    private Socket socket;
    private OutputStream out;
    private CommandReader reader;
    private boolean tls;
    private State state = State.NOT_AUTHENTICATED;
    private Optional<String> user = Optional.empty();

    ImapSession(int id, Socket socket, ImapEndpointSettings settings, Admission admission, ImapJournal journal) {
        this.id = id;
        this.socket = socket;
        this.settings = settings;
        this.admission = admission;
        this.journal = journal;
        this.source = socket.getInetAddress();
    }

    @Override
    public void run() {
        try {
            socket.setSoTimeout(Math.toIntExact(settings.idleTimeout().toMillis()));
            if (settings.implicitTls()) {
                startTls();
            } else {
                attach(socket);
            }
            if (has(ImapFault.Kind.SLOW_GREETING)) {
                awaitClientLeaving();
                return;
            }
            send(GREETING);
            if (has(ImapFault.Kind.DROP_AFTER_GREETING)) {
                return;
            }
            serve();
        } catch (SocketTimeoutException e) {
            sendQuietly(BYE_IDLE);
        } catch (IOException | RuntimeException e) {
            // the client went away or broke the protocol: the session ends, its limits are released below
        } finally {
            release();
            admission.disconnect(source);
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private boolean has(ImapFault.Kind kind) {
        return settings.fault().filter(f -> f.kind() == kind).isPresent();
    }

    /** Says nothing and reads until the client gives up (or the idle timeout, or the endpoint closing, ends it). */
    private void awaitClientLeaving() throws IOException {
        while (socket.getInputStream().read() >= 0) {
            // whatever the client sends goes unanswered
        }
    }

    private void serve() throws IOException {
        while (true) {
            Optional<ImapCommand> next = reader.next();
            if (next.isEmpty()) {
                return;
            }
            ImapCommand command = next.get();
            journal.record(new ImapJournal.Entry(id, command.tag(), command.name(), redacted(command)));
            if (!handle(command)) {
                return;
            }
        }
    }

    /** false when the session is over. */
    private boolean handle(ImapCommand c) throws IOException {
        String name = c.name();
        String tag = c.tag();
        boolean allowed = ANY_STATE.contains(name) || (BEFORE_LOGIN.contains(name) && state == State.NOT_AUTHENTICATED)
                || (AFTER_LOGIN.contains(name) && state != State.NOT_AUTHENTICATED)
                || (name.equals("CLOSE") && state == State.SELECTED);
        boolean known = ANY_STATE.contains(name) || BEFORE_LOGIN.contains(name) || AFTER_LOGIN.contains(name) || name.equals("CLOSE");
        if (!known) {
            send(tag + " " + BAD_COMMAND);
            return true;
        }
        if (!allowed) {
            send(tag + " " + BAD_STATE);
            return true;
        }
        if (AFTER_LOGIN.contains(name) && has(ImapFault.Kind.BYE_MID_SESSION)) {
            // Untagged and unasked for, the way a server going down ends a session: the command gets no tagged answer.
            send(ImapFault.BYE_TEXT);
            return false;
        }
        switch (name) {
            case "CAPABILITY" -> send("* CAPABILITY " + capabilities(), tag + " OK CAPABILITY completed.");
            case "NOOP" -> send(tag + " OK NOOP completed.");
            case "LOGOUT" -> {
                send(BYE_LOGOUT, tag + " OK LOGOUT completed.");
                return false;
            }
            case "STARTTLS" -> {
                if (tls) {
                    send(tag + " " + BAD_STATE);
                } else {
                    send(tag + " OK Begin TLS negotiation now.");
                    startTls();
                }
            }
            case "LOGIN" -> {
                return login(c);
            }
            case "AUTHENTICATE" -> {
                return authenticate(c);
            }
            case "LIST", "LSUB" -> list(c);
            case "NAMESPACE" -> send("* NAMESPACE ((\"\" \"/\")) NIL NIL", tag + " OK NAMESPACE completed.");
            case "STATUS" -> status(c);
            case "EXAMINE", "SELECT" -> open(c);
            case "CLOSE" -> {
                state = State.AUTHENTICATED;
                send(tag + " OK CLOSE completed.");
            }
            default -> send(tag + " " + BAD_COMMAND);
        }
        return true;
    }

    private String capabilities() {
        boolean clearBlocked = passwordsRefused();
        List<String> caps = new ArrayList<>(List.of("IMAP4", "IMAP4rev1"));
        if (settings.offersNtlm()) {
            caps.add("AUTH=NTLM");
        }
        caps.add("AUTH=GSSAPI");
        if (!clearBlocked) {
            caps.add("AUTH=PLAIN");
        }
        if (clearBlocked) {
            caps.add("LOGINDISABLED");
        }
        if (!tls) {
            caps.add("STARTTLS");
        }
        caps.addAll(List.of("IDLE", "NAMESPACE", "LITERAL+"));
        return String.join(" ", caps);
    }

    private boolean passwordsRefused() {
        return !tls && !settings.loginType().allowsPasswordInClear();
    }

    /** @return false when the session is over */
    private boolean login(ImapCommand c) throws IOException {
        if (passwordsRefused()) {
            send(c.tag() + " " + BAD_LOGIN_DISABLED);
        } else if (c.arguments().size() != 2) {
            send(c.tag() + " " + BAD_COMMAND);
        } else {
            return logIn(c.tag(), "LOGIN", c.arguments().get(0), c.arguments().get(1));
        }
        return true;
    }

    /** @return false when the session is over */
    private boolean authenticate(ImapCommand c) throws IOException {
        String mechanism = c.arguments().isEmpty() ? "" : c.arguments().get(0).toUpperCase(Locale.ROOT);
        if (!List.of(capabilities().split(" ")).contains("AUTH=" + mechanism)) {
            send(c.tag() + " " + BAD_LOGIN_DISABLED);
            return true;
        }
        if (!mechanism.equals("PLAIN")) {
            // the lab speaks no NTLM or Kerberos: a client choosing them is refused as Exchange refuses a bad token
            send(c.tag() + " NO AUTHENTICATE failed.");
            return true;
        }
        String payload;
        if (c.arguments().size() > 1) {
            payload = c.arguments().get(1);
        } else {
            send("+ ");
            Optional<String> line = reader.readLine();
            if (line.isEmpty()) {
                throw new IOException("client left during AUTHENTICATE");
            }
            payload = line.get();
        }
        if (payload.equals("*")) {
            send(c.tag() + " BAD AUTHENTICATE aborted.");
            return true;
        }
        String[] parts;
        try {
            parts = new String(Base64.getDecoder().decode(payload.trim()), StandardCharsets.UTF_8).split("\0", -1);
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 3) {
            journal.loginReceived();
            journal.loginFailed();
            send(c.tag() + " NO AUTHENTICATE failed.");
            return true;
        }
        return logIn(c.tag(), "AUTHENTICATE", parts[1], parts[2]);
    }

    /**
     * Wrong password and MaxConnectionsPerUser answer alike, as on Exchange; the store's limit does not.
     *
     * @return false when the session is over (the fault {@code dropAfterLogin})
     */
    private boolean logIn(String tag, String verb, String name, String password) throws IOException {
        int login = journal.loginReceived();
        pauseForTheDirectory();
        Optional<String> account = settings.credentials().authenticate(name, password);
        if (has(ImapFault.Kind.DROP_AFTER_LOGIN)) {
            // The password reached the server, so the directory judged it: a wrong one counts although no answer is sent.
            if (account.isEmpty()) {
                journal.loginFailed();
            }
            return false;
        }
        if (account.isEmpty() || settings.fault().filter(f -> f.refuses(login)).isPresent()) {
            // refuseLoginFrom stands for a password changed or an account locked meanwhile: Active Directory counts it as a failure.
            journal.loginFailed();
            send(tag + " NO " + verb + " failed.");
            return true;
        }
        OptionalInt sessions = admission.tryLogin(account.get());
        if (sessions.isEmpty()) {
            send(tag + " NO " + verb + " failed.");
            return true;
        }
        if (!settings.storeSessions().tryOpen(account.get())) {
            admission.logout(account.get());
            send(tag + " " + NO_STORE);
            return true;
        }
        user = account;
        state = State.AUTHENTICATED;
        journal.loginSucceeded(account.get(), sessions.getAsInt());
        send(tag + " OK " + verb + " completed.");
        return true;
    }

    /** A login costs the Client Access server a directory check, refused or not; paid by this session's own thread. */
    private void pauseForTheDirectory() throws IOException {
        if (settings.loginLatency().isZero()) {
            return;
        }
        try {
            Thread.sleep(settings.loginLatency().toMillis());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            throw new IOException("the endpoint is closing");
        }
    }

    private void release() {
        user.ifPresent(u -> {
            settings.storeSessions().close(u);
            admission.logout(u);
        });
        user = Optional.empty();
    }

    private void list(ImapCommand c) throws IOException {
        String pattern = c.arguments().size() == 2 ? c.arguments().get(1) : "";
        boolean matches = pattern.equals("*") || pattern.equals("%") || pattern.equalsIgnoreCase("INBOX");
        if (c.arguments().size() != 2) {
            send(c.tag() + " " + BAD_COMMAND);
        } else if (matches) {
            send("* " + c.name() + " (\\HasNoChildren) \"/\" INBOX", c.tag() + " OK " + c.name() + " completed.");
        } else {
            send(c.tag() + " OK " + c.name() + " completed.");
        }
    }

    private void status(ImapCommand c) throws IOException {
        if (c.arguments().size() < 2 || !c.arguments().get(0).equalsIgnoreCase("INBOX")) {
            send(c.tag() + " NO STATUS failed.");
            return;
        }
        int messages = settings.inbox().messages();
        List<String> items = new ArrayList<>();
        for (String raw : c.arguments().subList(1, c.arguments().size())) {
            String item = raw.replace("(", "").replace(")", "").toUpperCase(Locale.ROOT);
            switch (item) {
                case "MESSAGES" -> items.add("MESSAGES " + messages);
                case "RECENT" -> items.add("RECENT 0");
                case "UIDNEXT" -> items.add("UIDNEXT " + (messages + 1));
                case "UIDVALIDITY" -> items.add("UIDVALIDITY 1");
                case "UNSEEN" -> items.add("UNSEEN 0");
                default -> {
                    send(c.tag() + " " + BAD_COMMAND);
                    return;
                }
            }
        }
        send("* STATUS INBOX (" + String.join(" ", items) + ")", c.tag() + " OK STATUS completed.");
    }

    private void open(ImapCommand c) throws IOException {
        if (c.arguments().size() != 1 || !c.arguments().get(0).equalsIgnoreCase("INBOX")) {
            send(c.tag() + " NO " + c.name() + " failed.");
            return;
        }
        boolean readOnly = c.name().equals("EXAMINE");
        int messages = settings.inbox().messages();
        state = State.SELECTED;
        send("* " + messages + " EXISTS", "* 0 RECENT",
                "* FLAGS (\\Seen \\Answered \\Flagged \\Deleted \\Draft $MDNSent)",
                "* OK [PERMANENTFLAGS (" + (readOnly ? "" : "\\Seen \\Answered \\Flagged \\Deleted \\Draft $MDNSent") + ")] Permanent flags",
                "* OK [UIDVALIDITY 1] UIDVALIDITY value",
                "* OK [UIDNEXT " + (messages + 1) + "] The next unique identifier value",
                c.tag() + (readOnly ? " OK [READ-ONLY] EXAMINE completed." : " OK [READ-WRITE] SELECT completed."));
    }

    private static String redacted(ImapCommand c) {
        List<String> args = c.arguments();
        if (c.name().equals("LOGIN") && !args.isEmpty()) {
            return args.get(0) + (args.size() > 1 ? " " + ImapJournal.REDACTED : "");
        }
        if (c.name().equals("AUTHENTICATE") && !args.isEmpty()) {
            return args.get(0) + (args.size() > 1 ? " " + ImapJournal.REDACTED : "");
        }
        return String.join(" ", args);
    }

    private void startTls() throws IOException {
        SSLSocket secured = (SSLSocket) settings.sslContext().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        secured.setUseClientMode(false);
        secured.startHandshake();
        tls = true;
        attach(secured);
    }

    private void attach(Socket current) throws IOException {
        socket = current;
        out = current.getOutputStream();
        reader = new CommandReader(new BufferedInputStream(current.getInputStream()), line -> send(line));
    }

    private void send(String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void sendQuietly(String line) {
        try {
            send(line);
        } catch (IOException ignored) {
            // the client is gone anyway
        }
    }
}
