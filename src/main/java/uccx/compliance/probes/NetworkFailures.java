package uccx.compliance.probes;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import uccx.compliance.environment.Durations;

/** Says in a report's words why a raw connection gave no answer. */
final class NetworkFailures {

    private NetworkFailures() {
    }

    static String explain(Throwable failure, MailTarget target, TlsClient tls) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OverBound) {
                return target.describe() + ": " + t.getMessage();
            }
            if (t instanceof UnknownHostException) {
                return target.host() + ": unknown host";
            }
            if (t instanceof ConnectException) {
                return target.describe() + ": connection refused";
            }
            if (t instanceof SocketTimeoutException) {
                return target.describe() + ": " + timeout((SocketTimeoutException) t, target);
            }
            if (t instanceof SSLException) {
                return target.describe() + ": " + tls.explain(t);
            }
            if (t instanceof EOFException) {
                return target.describe() + ": the server closed the connection";
            }
        }
        return target.describe() + ": " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** The JDK says "Connect timed out" or "Read timed out"; the report names the bound that was hit. */
    static String timeout(SocketTimeoutException t, MailTarget target) {
        boolean connecting = t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect");
        return connecting ? "no connection within " + Durations.seconds(target.connectTimeout())
                : "no answer within " + Durations.seconds(target.readTimeout());
    }
}
