package uccx.compliance.collector.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpException;
import org.apache.http.HttpMessage;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.HttpVersion;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.DefaultBHttpClientConnection;
import org.apache.http.impl.DefaultBHttpServerConnection;
import org.apache.http.message.BasicHttpEntityEnclosingRequest;
import org.apache.http.message.BasicHttpResponse;
import org.apache.http.util.EntityUtils;
import org.ietf.jgss.GSSException;

/**
 * The local hop of a Kerberos run: it adds HTTP Negotiate (RFC 4559) with the suite's own SPNEGO
 * context to each request Overthere sends, and answers the server's 401s itself.
 *
 * <p>Why: Overthere 5.3.2's Kerberos asks the JDK for credential delegation on every request, so
 * a forwardable TGT goes to any WinRM server, and it logs in to the KDC again for every SOAP
 * request (a wrong password would be tried over and over). Neither can be changed from outside.
 * So Overthere runs with a user name without {@code @} (Basic, never challenged: this hop strips
 * every WWW-Authenticate) and this hop authenticates each request with a token of the run's one
 * login ({@link SpnegoInitiator}), over plain HTTP or over TLS verified as {@link RelayHop} does.
 *
 * <p>What it reads of the answers: the server's Negotiate token (its mutual-authentication proof,
 * verified when sent), a 401 (the ticket refused, or the account refused a shell), a 403, and a
 * WS-Management AccessDenied fault, which Overthere 5.3.2 cannot report because it drops the body
 * of every non-200 answer. Its reading is {@link #failure()}.
 */
final class NegotiatingHop extends LoopbackHop {

    /** Kerberos needs one leg; SPNEGO may ask for another (RFC 4178). More is a server going round in circles. */
    private static final int MAX_LEGS = 3;
    private static final int BUFFER = 16 * 1024;
    /** Headers the hop sets itself, or that describe the body as it travelled on the other connection. */
    private static final Set<String> REWRITTEN = Set.of("authorization", "host", "content-length", "transfer-encoding",
            "www-authenticate", "connection", "keep-alive");
    /** MS-WSMV's fault for a sender not authorized for the resource: subcode w:AccessDenied, WSManFault Code 5 (ERROR_ACCESS_DENIED). */
    private static final Pattern ACCESS_DENIED = Pattern.compile("<(?:\\w+:)?Value>\\s*(?:\\w+:)?AccessDenied\\s*</"
            + "|<(?:\\w+:)?WSManFault\\b[^>]*\\bCode=\"5\"");

    /** WinRM's listener path (MS-WSMV 2.1: the default URL prefix wsman): where the hop sends every request. */
    private static final String SERVER_PATH = "/wsman";

    private final SpnegoInitiator initiator;
    private final String account;
    private final String context = "/wsman-" + UUID.randomUUID();

    private NegotiatingHop(ServerDial dial, SpnegoInitiator initiator, String account) throws IOException {
        super(dial, "winrm-negotiate");
        this.initiator = initiator;
        this.account = account;
    }

    /**
     * The path Overthere must be given (its winrmContext): random for each hop. This hop signs
     * every request it carries with the audit account's Kerberos logon, and any local process
     * can reach a loopback port; only a request to this path, which only the shell knows, is carried.
     */
    String context() {
        return context;
    }

    static NegotiatingHop open(ServerDial dial, SpnegoInitiator initiator, String account) throws IOException {
        NegotiatingHop hop = new NegotiatingHop(dial, initiator, account);
        hop.start();
        return hop;
    }

    @Override
    void carry(Socket local) {
        Optional<Socket> server = Optional.empty();
        try {
            local.setSoTimeout(Math.toIntExact(dial().readTimeout().toMillis()));
            DefaultBHttpServerConnection overthere = new DefaultBHttpServerConnection(BUFFER);
            overthere.bind(local);
            Optional<Sent> request = receive(overthere);
            if (request.isPresent() && !fromTheShell(request.get())) {
                refuseStranger(overthere);
                return;
            }
            // The server is dialled, and a ticket used, only for a connection that sent the shell's request.
            server = request.isPresent() ? dialServer() : Optional.empty();
            if (server.isEmpty()) {
                return;
            }
            DefaultBHttpClientConnection winRm = new DefaultBHttpClientConnection(BUFFER);
            winRm.bind(server.get());
            // Overthere opens a connection per request; a kept-alive one is served request by request.
            for (; request.isPresent() && fromTheShell(request.get()); request = receive(overthere)) {
                HttpResponse answer = exchange(request.get(), winRm);
                overthere.sendResponseHeader(answer);
                overthere.sendResponseEntity(answer);
                overthere.flush();
                if (answer.getStatusLine().getStatusCode() == 502) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            fail(noAnswerWithin(dial().readTimeout()));
        } catch (AnswerOverBound e) {
            fail(answerOverBound());
        } catch (IOException | HttpException ended) {
            // One side closed or spoke no HTTP: the exchange is over, and Overthere reports what it saw.
        } finally {
            server.ifPresent(this::release);
        }
    }

    private boolean fromTheShell(Sent sent) {
        return sent.request().getRequestLine().getUri().equals(context);
    }

    /** A local stranger's request: answered 403 here, never signed, never sent on. */
    private static void refuseStranger(DefaultBHttpServerConnection overthere) throws IOException, HttpException {
        BasicHttpResponse answer = new BasicHttpResponse(HttpVersion.HTTP_1_1, 403, "Forbidden");
        answer.setHeader("Content-Length", "0");
        answer.setHeader("Connection", "close");
        answer.setEntity(new ByteArrayEntity(new byte[0]));
        overthere.sendResponseHeader(answer);
        overthere.sendResponseEntity(answer);
        overthere.flush();
    }

    /** The server's answer went past {@link #MAX_ANSWER_BYTES}: the connection ends without it. */
    private static final class AnswerOverBound extends IOException {
    }

    /** The entity's bytes, or {@link AnswerOverBound} as soon as it declares or sends more than the bound. */
    private static byte[] bounded(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > MAX_ANSWER_BYTES) {
            throw new AnswerOverBound();
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes(MAX_ANSWER_BYTES);
            if (body.length == MAX_ANSWER_BYTES && in.read() >= 0) {
                throw new AnswerOverBound();
            }
            return body;
        }
    }

    /** A request of Overthere's with its body read, so that another leg can send it again. */
    private record Sent(HttpRequest request, byte[] body) {
    }

    /** The next request; a stranger's body is never read. */
    private Optional<Sent> receive(DefaultBHttpServerConnection overthere) throws HttpException {
        try {
            HttpRequest request = overthere.receiveRequestHeader();
            byte[] body = new byte[0];
            if (request instanceof HttpEntityEnclosingRequest enclosing && request.getRequestLine().getUri().equals(context)) {
                overthere.receiveRequestEntity(enclosing);
                body = enclosing.getEntity() == null ? body : EntityUtils.toByteArray(enclosing.getEntity());
            }
            return Optional.of(new Sent(request, body));
        } catch (IOException closed) {
            return Optional.empty();
        }
    }

    /** The request with a fresh Negotiate token, legs of the negotiation as the server asks, and the answer for Overthere. */
    private HttpResponse exchange(Sent sent, DefaultBHttpClientConnection winRm) throws IOException, HttpException {
        SpnegoInitiator.Negotiation negotiation;
        byte[] token;
        try {
            negotiation = initiator.begin();
            token = negotiation.firstToken();
        } catch (GSSException e) {
            fail(WinRmFailure.noServiceTicket(initiator.servicePrincipal(), e));
            return gatewayFailure();
        }
        try {
            for (int leg = 1; ; leg++) {
                HttpResponse response = send(sent, token, winRm);
                int status = response.getStatusLine().getStatusCode();
                Optional<byte[]> serverToken = negotiateToken(response);
                Optional<byte[]> next = Optional.empty();
                if (serverToken.isPresent()) {
                    try {
                        next = negotiation.accept(serverToken.get());
                    } catch (GSSException e) {
                        fail(WinRmFailure.serverNotProven(initiator.servicePrincipal(), e));
                        return gatewayFailure();
                    }
                }
                if (status == 401 && next.isPresent() && leg < MAX_LEGS) {
                    token = next.get();
                    continue;
                }
                judge(status, negotiation.established(), response);
                return forOverthere(response);
            }
        } finally {
            negotiation.dispose();
        }
    }

    /** Records what an answer says that Overthere cannot tell; a 200 passes. */
    private void judge(int status, boolean serverProven, HttpResponse response) throws IOException {
        if (status == 401) {
            fail(serverProven ? WinRmFailure.shellDenied(account, "HTTP 401 after the server accepted the Kerberos logon")
                    : WinRmFailure.kerberosUnauthorized(account, initiator.servicePrincipal()));
        } else if (status == 403) {
            fail(WinRmFailure.shellDenied(account, "HTTP 403"));
        } else if (status == 500 && response.getEntity() != null
                && ACCESS_DENIED.matcher(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)).find()) {
            fail(WinRmFailure.shellDenied(account, "WS-Management fault w:AccessDenied, \"Access is denied.\""));
        }
    }

    private HttpResponse send(Sent sent, byte[] token, DefaultBHttpClientConnection winRm) throws IOException, HttpException {
        BasicHttpEntityEnclosingRequest request = new BasicHttpEntityEnclosingRequest(sent.request().getRequestLine().getMethod(),
                SERVER_PATH, sent.request().getRequestLine().getProtocolVersion());
        copyHeaders(sent.request(), request);
        request.setHeader("Host", dial().host() + ":" + dial().port());
        request.setHeader("Authorization", "Negotiate " + Base64.getEncoder().encodeToString(token));
        request.setHeader("Content-Length", Integer.toString(sent.body().length));
        request.setEntity(new ByteArrayEntity(sent.body()));
        winRm.sendRequestHeader(request);
        winRm.sendRequestEntity(request);
        winRm.flush();
        HttpResponse response = winRm.receiveResponseHeader();
        // Every answer is read whole: a 401's body must be gone before the next leg uses the connection.
        winRm.receiveResponseEntity(response);
        byte[] body = bounded(response.getEntity());
        response.setEntity(new ByteArrayEntity(body));
        return response;
    }

    /** RFC 4559 section 5: the server's token rides on WWW-Authenticate, {@code Negotiate <base64>}. */
    private static Optional<byte[]> negotiateToken(HttpResponse response) {
        for (Header header : response.getHeaders("WWW-Authenticate")) {
            String value = header.getValue().strip();
            if (value.regionMatches(true, 0, "Negotiate ", 0, 10)) {
                try {
                    return Optional.of(Base64.getDecoder().decode(value.substring(10).strip()));
                } catch (IllegalArgumentException garbled) {
                    return Optional.of(new byte[0]);
                }
            }
        }
        return Optional.empty();
    }

    /** The answer without any challenge, so that Overthere never authenticates by itself. */
    private static HttpResponse forOverthere(HttpResponse response) throws IOException {
        BasicHttpResponse answer = new BasicHttpResponse(response.getStatusLine());
        copyHeaders(response, answer);
        byte[] body = EntityUtils.toByteArray(response.getEntity());
        answer.setHeader("Content-Length", Integer.toString(body.length));
        answer.setEntity(new ByteArrayEntity(body));
        return answer;
    }

    /** What Overthere gets when the hop did not let the request reach the server: its failure is the hop's. */
    private static HttpResponse gatewayFailure() {
        BasicHttpResponse answer = new BasicHttpResponse(HttpVersion.HTTP_1_1, 502, "Bad Gateway");
        answer.setHeader("Content-Length", "0");
        answer.setHeader("Connection", "close");
        answer.setEntity(new ByteArrayEntity(new byte[0]));
        return answer;
    }

    private static void copyHeaders(HttpMessage from, HttpMessage to) {
        for (Header header : from.getAllHeaders()) {
            if (!REWRITTEN.contains(header.getName().toLowerCase(Locale.ROOT))) {
                to.addHeader(header);
            }
        }
    }
}
