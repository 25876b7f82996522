package uccx.compliance.lab.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** One admitted client connection, answered with Exchange 2010's wire text. */
final class SmtpSession {

    static final String CONNECTION_LIMIT =
            "421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel";
    static final String DATA_REFUSED = "554 5.7.1 The lab refuses DATA: the compliance suite never delivers mail";

    private static final DateTimeFormatter BANNER_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    // Exchange 2010 Hub Transport's default receive connector, in its order; AUTH and TLS are
    // advertised for fidelity only: the suite must not need them on this path.
    private static final List<String> EXTENSIONS = List.of("SIZE 10485760", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES",
            "X-ANONYMOUSTLS", "AUTH NTLM", "X-EXPS GSSAPI NTLM", "8BITMIME", "BINARYMIME", "CHUNKING", "XEXCH50", "XRDST");

    private final int id;
    private final Socket socket;
    private final SmtpEndpointSettings settings;
    private final SmtpJournal journal;
    private boolean greeted;
    private boolean hasSender;

    SmtpSession(int id, Socket socket, SmtpEndpointSettings settings, SmtpJournal journal) {
        this.id = id;
        this.socket = socket;
        this.settings = settings;
        this.journal = journal;
    }

    /** Runs until QUIT, the client leaves, the connector's inactivity timeout, or the endpoint closes. */
    void run() throws IOException {
        socket.setSoTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, settings.connectionInactivityTimeout().toMillis())));
        OutputStream out = socket.getOutputStream();
        if (settings.fault().isPresent()) {
            reply(out, settings.fault().get().greeting());
            return;
        }
        reply(out, "220 " + settings.serverFqdn() + " Microsoft ESMTP MAIL Service ready at "
                + BANNER_DATE.format(settings.clock().instant().atOffset(ZoneOffset.UTC)));
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (!answer(line, out)) {
                    return;
                }
            }
        } catch (SocketTimeoutException idle) {
            // Must be answered while the socket is still open, hence caught here and not by the caller.
            reply(out, "451 4.7.0 Timeout waiting for client input");
        }
    }

    /** Answers one command line; false when the session is over. */
    private boolean answer(String line, OutputStream out) throws IOException {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1).trim();
        journal.record(id, verb, verb.equals("AUTH") ? mechanismOnly(argument) : argument);
        switch (verb) {
            case "EHLO" -> ehlo(argument, out);
            case "HELO" -> helo(argument, out);
            case "MAIL" -> mail(out);
            case "RCPT" -> rcpt(argument, out);
            case "RSET" -> {
                hasSender = false;
                reply(out, "250 2.0.0 Resetting");
            }
            case "NOOP" -> reply(out, "250 2.0.0 OK");
            case "DATA", "BDAT" -> reply(out, DATA_REFUSED);
            case "AUTH" -> reply(out, "504 5.7.4 Unrecognized authentication type");
            case "QUIT" -> {
                reply(out, "221 2.0.0 Service closing transmission channel");
                return false;
            }
            default -> reply(out, "500 5.3.3 Unrecognized command");
        }
        return true;
    }

    private void ehlo(String domain, OutputStream out) throws IOException {
        if (domain.isEmpty()) {
            reply(out, "501 5.5.4 Invalid domain name");
            return;
        }
        greeted = true;
        hasSender = false;
        StringBuilder lines = new StringBuilder("250-").append(hello());
        for (int i = 0; i < EXTENSIONS.size(); i++) {
            lines.append("\r\n250").append(i == EXTENSIONS.size() - 1 ? ' ' : '-').append(EXTENSIONS.get(i));
        }
        reply(out, lines.toString());
    }

    private void helo(String domain, OutputStream out) throws IOException {
        if (domain.isEmpty()) {
            reply(out, "501 5.5.4 Invalid domain name");
            return;
        }
        greeted = true;
        hasSender = false;
        reply(out, "250 " + hello());
    }

    private String hello() {
        return settings.serverFqdn() + " Hello [" + socket.getInetAddress().getHostAddress() + "]";
    }

    private void mail(OutputStream out) throws IOException {
        if (!greeted) {
            reply(out, "503 5.5.2 Send hello first");
        } else if (hasSender) {
            reply(out, "503 5.5.2 Sender already specified");
        } else {
            hasSender = true;
            reply(out, "250 2.1.0 Sender OK");
        }
    }

    private void rcpt(String argument, OutputStream out) throws IOException {
        if (!hasSender) {
            reply(out, "503 5.5.2 Need mail command");
        } else if (settings.accepts(address(argument))) {
            reply(out, "250 2.1.5 Recipient OK");
        } else {
            reply(out, "550 5.1.1 User unknown");
        }
    }

    /** The address inside {@code TO:<...>}, ignoring ESMTP parameters after it. */
    private static String address(String argument) {
        int open = argument.indexOf('<');
        int close = argument.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            return argument.substring(open + 1, close);
        }
        int colon = argument.indexOf(':');
        return colon >= 0 ? argument.substring(colon + 1) : argument;
    }

    // An AUTH line can carry a credential in its initial response: only the mechanism is kept.
    private static String mechanismOnly(String argument) {
        int space = argument.indexOf(' ');
        return space < 0 ? argument : argument.substring(0, space);
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
