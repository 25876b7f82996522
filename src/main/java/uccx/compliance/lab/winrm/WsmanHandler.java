package uccx.compliance.lab.winrm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.ietf.jgss.GSSException;

/**
 * The HTTP side of the lab's WinRM listener: latency, authentication (Basic, and Negotiate when a
 * Kerberos service is configured), content type, then the SOAP request to {@link WsmanService}.
 * Faults go out as HTTP 500, as WinRM sends them.
 */
final class WsmanHandler implements HttpHandler {

    static final String PATH = "/wsman";
    private static final String SOAP_TYPE = "application/soap+xml;charset=UTF-8";

    private final byte[] expectedCredentials;
    private final Duration latency;
    private final Optional<ListenerFault> fault;
    private final String username;
    private final WsmanService service;
    private final EndpointJournal journal;
    private final String machine;
    private final Optional<KerberosAcceptor> kerberos;

    WsmanHandler(String username, String password, Duration latency, Optional<ListenerFault> fault, Optional<KerberosAcceptor> kerberos,
                 WsmanService service, EndpointJournal journal, String machine) {
        this.username = username;
        this.expectedCredentials = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        this.latency = latency;
        this.fault = fault;
        this.service = service;
        this.journal = journal;
        this.machine = machine;
        this.kerberos = kerberos;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Thread.sleep(latency.toMillis());
            exchange.getResponseHeaders().set("Server", "Microsoft-HTTPAPI/2.0");
            if (fault.isPresent() && failedByFault(exchange, fault.get())) {
                return;
            }
            if (!PATH.equals(exchange.getRequestURI().getPath()) && !(PATH + "/").equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
            } else {
                Optional<Logon> logon = authenticated(exchange);
                if (logon.isPresent()) {
                    answer(exchange, body, logon.get());
                }
            }
        } catch (InterruptedException closing) {
            // The endpoint is closing: the exchange is dropped without an answer.
            Thread.currentThread().interrupt();
        }
    }

    /** Answers the exchange as the fault dictates; false when the fault lets it through to WS-Management. */
    private static boolean failedByFault(HttpExchange exchange, ListenerFault fault) throws IOException, InterruptedException {
        switch (fault) {
            case UNAUTHORIZED -> {
                // Not counted as a failed login: the credentials were never judged.
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"WSMAN\"");
                exchange.sendResponseHeaders(401, -1);
                return true;
            }
            case SERVER_ERROR -> {
                byte[] body = "Internal Server Error".getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
                return true;
            }
            case SILENT -> {
                // Held until the endpoint closes and interrupts this thread: the client's own timeout must end its wait.
                new java.util.concurrent.CountDownLatch(1).await();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private Optional<Logon> authenticated(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && kerberos.isPresent() && authorization.regionMatches(true, 0, "Negotiate ", 0, 10)) {
            return negotiated(exchange, kerberos.get(), authorization.substring(10).trim());
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            challenge(exchange);
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expectedCredentials, decode(authorization.substring(6).trim()))) {
            refuse(exchange);
            return Optional.empty();
        }
        return Optional.of(Logon.basic(username));
    }

    /** RFC 4559: the client's SPNEGO token in, the server's final token out on the answer that follows. */
    private Optional<Logon> negotiated(HttpExchange exchange, KerberosAcceptor acceptor, String token) throws IOException {
        journal.negotiateToken();
        byte[] bytes = decode(token);
        try {
            KerberosAcceptor.Accepted accepted = acceptor.accept(bytes);
            Optional<byte[]> reply = fault.filter(f -> f == ListenerFault.FORGED_MUTUAL_TOKEN).isPresent()
                    ? Optional.of("not the server's proof".getBytes(StandardCharsets.US_ASCII)) : accepted.reply();
            reply.ifPresent(proof -> exchange.getResponseHeaders()
                    .set("WWW-Authenticate", "Negotiate " + Base64.getEncoder().encodeToString(proof)));
            Logon logon = Logon.kerberos(accepted.principal(), accepted.delegated());
            journal.kerberosLogon(logon);
            return Optional.of(logon);
        } catch (GSSException | RuntimeException garbled) {
            refuse(exchange);
            return Optional.empty();
        }
    }

    /** A failed authentication: counted, a violation from the second on, and the challenge again. */
    private void refuse(HttpExchange exchange) throws IOException {
        int failures = journal.failedAuthentication();
        if (failures > 1) {
            journal.violation("failed authentication #" + failures + ": a login was tried again after one had"
                    + " failed, but a refused password must never be retried");
        }
        challenge(exchange);
    }

    /** WinRM offers each scheme it accepts in a header of its own. */
    private void challenge(HttpExchange exchange) throws IOException {
        if (kerberos.isPresent()) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
        exchange.sendResponseHeaders(401, -1);
    }

    private void answer(HttpExchange exchange, byte[] body, Logon logon) throws IOException, InterruptedException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/soap+xml")) {
            exchange.sendResponseHeaders(415, -1);
            return;
        }
        String relatesTo = "";
        try {
            WsmanRequest request = WsmanRequest.parse(body);
            relatesTo = request.messageId();
            if (fault.filter(f -> f == ListenerFault.WSMAN_FAULT).isPresent() && WsmanService.COMMAND.equals(request.action())) {
                throw WsmanFault.injected();
            }
            if (fault.filter(f -> f == ListenerFault.SHELL_ACCESS_DENIED).isPresent() && WsmanService.CREATE.equals(request.action())) {
                throw WsmanFault.accessDenied();
            }
            respond(exchange, 200, service.answer(request, logon));
        } catch (WsmanFault fault) {
            respond(exchange, 500, WsmanResponses.fault(relatesTo, fault, machine));
        } catch (RuntimeException programFailure) {
            journal.violation("the lab failed while answering a WinRM request: " + programFailure);
            respond(exchange, 500, WsmanResponses.fault(relatesTo, WsmanFault.providerFailure(programFailure.toString()), machine));
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", SOAP_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
