package uccx.compliance.collector.shell;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.security.auth.login.LoginException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.ietf.jgss.GSSException;
import uccx.compliance.environment.Durations;

/**
 * Why a WinRM run failed, in words an Exchange admin can act on. Overthere's own messages are
 * never passed on: they embed whole SOAP requests (the script's input among them).
 *
 * @param reason            for example {@code connection refused}
 * @param credentialRefused the server or the KDC refused the password: it must not be tried again
 * @param serverFault       the server answered with a WS-Management fault (HTTP 500)
 */
record WinRmFailure(String reason, boolean credentialRefused, boolean serverFault) {

    WinRmFailure(String reason, boolean credentialRefused) {
        this(reason, credentialRefused, false);
    }

    /** How Overthere 5.3.2 reports a non-200 answer; it keeps neither the body nor the WS-Man fault. */
    private static final Pattern HTTP_STATUS = Pattern.compile("Unexpected HTTP response on \\S+\\s+(.*?) \\((\\d{3})\\)");

    static WinRmFailure of(Throwable failure, WinRmSettings settings, Duration socketTimeout) {
        String user = settings.username();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LoginException) {
                return kerberosLogin(t.getMessage(), user);
            }
            Matcher status = t.getMessage() == null ? null : HTTP_STATUS.matcher(firstLine(t.getMessage()));
            if (status != null && status.find()) {
                return http(Integer.parseInt(status.group(2)), status.group(1), settings);
            }
        }
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof ConnectTimeoutException) {
                return new WinRmFailure("no connection within " + Durations.seconds(settings.connectTimeout()) + " (connect timeout)", false);
            }
            if (t instanceof ConnectException) {
                boolean refused = t.getMessage() != null && t.getMessage().contains("refused");
                return new WinRmFailure(refused ? "connection refused" : "cannot connect (" + firstLine(t.getMessage()) + ")", false);
            }
            if (t instanceof UnknownHostException) {
                return new WinRmFailure("unknown host " + settings.host(), false);
            }
            if (t instanceof SocketTimeoutException) {
                return new WinRmFailure("no answer within " + Durations.seconds(socketTimeout) + " (read timeout)", false);
            }
            if (t instanceof NoHttpResponseException) {
                return new WinRmFailure("the server closed the connection without answering", false);
            }
            if (t instanceof SSLException) {
                return new WinRmFailure("TLS failed (" + firstLine(t.getMessage()) + ")", false);
            }
            if (t instanceof GSSException gss) {
                return new WinRmFailure("Kerberos could not get a ticket for the WinRM service of " + settings.host() + " ("
                        + gss.getMajorString() + ")", false);
            }
        }
        return new WinRmFailure(root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()), false);
    }

    private static WinRmFailure http(int status, String reason, WinRmSettings settings) {
        if (status == 401) {
            String scheme = settings.kerberos() ? "Kerberos" : "Basic";
            return new WinRmFailure("HTTP 401 authentication failed for user " + settings.username() + " (" + scheme
                    + "; the password is never retried)", true);
        }
        if (status == 500) {
            // WinRM sends its faults as HTTP 500; so does a broken listener or proxy, with no fault at all.
            return new WinRmFailure("HTTP 500, a WS-Management fault or a server error (Overthere 5.3.2 keeps neither the fault"
                    + " nor the body)", false, true);
        }
        return new WinRmFailure("HTTP " + status + " " + reason, false);
    }

    /**
     * The KDC's answers that mean the password (or the account) was refused, as JAAS words them:
     * KDC_ERR_PREAUTH_FAILED (24), KDC_ERR_CLIENT_REVOKED (18), and a wrong key found on decryption.
     * Other login failures (no KDC, unknown realm) say nothing about the password.
     */
    private static WinRmFailure kerberosLogin(String message, String user) {
        String detail = firstLine(message);
        boolean refused = detail.contains("(24)") || detail.contains("(18)") || detail.contains("Pre-authentication")
                || detail.contains("Integrity check on decrypted field failed");
        return new WinRmFailure("Kerberos login failed for user " + user + " (" + detail
                + (refused ? "; the password is never retried)" : ")"), refused);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
