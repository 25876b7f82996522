package uccx.compliance.collector.shell;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
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
        for (Throwable t = failure; t != null; t = t.getCause()) {
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
        }
        return new WinRmFailure(root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()), false);
    }

    /**
     * What a run reports when Overthere failed: a refused credential (HTTP 401) first, whatever a
     * connection of the hop went through, so that the password is remembered as refused and never
     * sent again; otherwise the hop's failure, which explains the run better than Overthere can.
     */
    static WinRmFailure reported(WinRmFailure seenByOverthere, Optional<WinRmFailure> seenByTheHop) {
        return seenByOverthere.credentialRefused() ? seenByOverthere : seenByTheHop.orElse(seenByOverthere);
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
        if (status == 403) {
            return shellDenied(settings.username(), "HTTP 403");
        }
        return new WinRmFailure("HTTP " + status + " " + reason, false);
    }

    /** Where a refusal of the shell points: the rights WinRM gives, which are not the logon's. */
    private static final String WINRM_RIGHTS = "on Windows Server 2008 R2 only Administrators may by default: give the account's"
            + " group Read and Execute with 'winrm configSDDL default' on that server (README: Preparing a real site, \"WinRM rights\")";

    /** The server knows who the account is and refuses it a shell: WinRM's rights (RootSDDL), not the password. */
    static WinRmFailure shellDenied(String account, String answer) {
        return new WinRmFailure(account + " authenticated but may not open a WinRM shell (" + answer + "); " + WINRM_RIGHTS, false);
    }

    /**
     * A 401 to a Kerberos logon without the server's proof that it took the ticket. A WinRM 2.0
     * server answers so both when it cannot accept the ticket and when the account has no right to
     * a shell; since the KDC issued the ticket for the server's SPN, the second is the likelier.
     */
    static WinRmFailure kerberosUnauthorized(String account, String servicePrincipal) {
        return new WinRmFailure("HTTP 401 to the Negotiate logon of " + account + ", and the server did not prove it accepted"
                + " the ticket: most likely the account may not open a WinRM shell (" + WINRM_RIGHTS + "); else the server"
                + " could not accept a ticket for " + servicePrincipal + " (the SPN registered on another account, or clocks more"
                + " than 5 minutes apart)", false);
    }

    /** The KDC gave no service ticket for the WinRM server: nothing was sent to it. */
    static WinRmFailure noServiceTicket(String servicePrincipal, GSSException failure) {
        return new WinRmFailure("Kerberos could not get a ticket for " + servicePrincipal + " (" + gssDetail(failure)
                + "); the SPN must be registered for that server as it is named here", false);
    }

    /** RFC 4559's final token did not verify: whoever answered does not hold the service's key. */
    static WinRmFailure serverNotProven(String servicePrincipal, GSSException failure) {
        return new WinRmFailure("the server's Kerberos answer does not prove it is " + servicePrincipal
                + " (mutual authentication failed: " + gssDetail(failure) + "); its answer was not used", false);
    }

    /**
     * Why the run's one login to the KDC failed. A refused password (KDC_ERR_PREAUTH_FAILED, 24;
     * or a reply that does not decrypt with it, 31) and a revoked account (18) lock the credential
     * for the run; a KDC that cannot be reached says nothing about the password.
     */
    static WinRmFailure kerberosLogin(LoginException failure, String principal, String realm) {
        String detail = firstLine(failure.getMessage());
        if (detail.contains("(24)") || detail.contains("(31)") || detail.contains("Pre-authentication information was invalid")
                || detail.contains("Integrity check on decrypted field failed")) {
            return new WinRmFailure("the KDC of " + realm + " refused the password of " + principal + "; it is not tried again", true);
        }
        if (detail.contains("(18)")) {
            return new WinRmFailure("the KDC of " + realm + " refused " + principal + ": the account is disabled, locked out or"
                    + " expired (" + detail + "); its password is not tried again", true);
        }
        if (detail.contains("(6)")) {
            return new WinRmFailure("the KDC of " + realm + " does not know " + principal + " (" + detail + ")", false);
        }
        if (unreachable(failure) || detail.contains("Cannot locate KDC")) {
            return new WinRmFailure("could not verify the password of " + principal + ": the KDC of " + realm + " could not be"
                    + " reached (" + detail + "; KDC " + KdcAddresses.of(realm) + ")", false);
        }
        return new WinRmFailure("the Kerberos login of " + principal + " failed (" + detail + ")", false);
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String gssDetail(GSSException failure) {
        String minor = failure.getMinorString();
        return firstLine(minor == null || minor.isBlank() ? failure.getMajorString() : failure.getMajorString() + ": " + minor);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
