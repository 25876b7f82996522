package uccx.compliance.collector.shell;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import uccx.compliance.environment.Durations;

/**
 * How a local hop reaches the WinRM server: TCP within the connect timeout, then, for HTTPS, TLS
 * verified by the suite's own {@link TlsTrust} before a byte of the request is sent.
 *
 * @param readTimeout how long the server may stay silent on the connection
 * @param tls         empty for plain HTTP
 */
record ServerDial(String host, int port, Duration connectTimeout, Duration readTimeout, Optional<TlsTrust> tls) {

    Socket open() throws IOException {
        Socket raw = new Socket();
        try {
            raw.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            raw.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            if (tls.isEmpty()) {
                return raw;
            }
            SSLSocket secured = tls.get().wrap(raw, host, port);
            secured.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            secured.startHandshake();
            return secured;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Why {@link #open()} failed, in the words the shell reports. */
    String explain(IOException failure) {
        if (failure instanceof SocketTimeoutException) {
            return "no connection within " + Durations.seconds(connectTimeout) + " (connect timeout)";
        }
        if (failure instanceof ConnectException) {
            return failure.getMessage() != null && failure.getMessage().contains("refused")
                    ? "connection refused" : "cannot connect (" + failure.getMessage() + ")";
        }
        if (failure instanceof UnknownHostException) {
            return "unknown host " + host;
        }
        if (failure instanceof SSLException ssl && tls.isPresent()) {
            return tls.get().explain(ssl);
        }
        return "cannot connect (" + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ")";
    }
}
