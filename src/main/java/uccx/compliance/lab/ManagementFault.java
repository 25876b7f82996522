package uccx.compliance.lab;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the lab's management side fails for a whole run ({@code lab.faults.management}): each one is
 * a way a real WinRM endpoint or its Exchange Management Shell lets the one collector command
 * down, so every configuration control of the run has nothing to judge.
 */
public enum ManagementFault {
    /** The WinRM port is closed: the lab reserves a port and never listens on it. */
    REFUSED("refused"),
    /** Every request is answered HTTP 401, whatever the credentials. */
    UNAUTHORIZED("unauthorized"),
    /** Every request is answered HTTP 500 without a SOAP body, as a broken listener (HTTP.sys, a proxy) does. */
    SERVER_ERROR("serverError"),
    /** The shell opens, but the command is answered with a WS-Management fault (HTTP 500 with a SOAP fault). */
    WSMAN_FAULT("wsmanFault"),
    /** The listener accepts connections and never answers, until the lab stops: slower than any read timeout. */
    SLOW("slow"),
    /** The script's output stops in the middle of a CliXml document, exit code 0. */
    TRUNCATED_OUTPUT("truncatedOutput"),
    /** The script's output is not well-formed CliXml, exit code 0. */
    MALFORMED_OUTPUT("malformedOutput"),
    /**
     * Nothing fails, but the console host's own text stands between the CliXml objects: the banner
     * RemoteExchange.ps1 prints when it is loaded, and {@code WARNING:} lines, which {@code | Out-Null}
     * does not catch because they never enter the output stream.
     */
    HOST_TEXT("hostText");

    private final String label;

    ManagementFault(String label) {
        this.label = label;
    }

    /** The name the environment file uses. */
    public String label() {
        return label;
    }

    public static Optional<ManagementFault> ofLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }
}
