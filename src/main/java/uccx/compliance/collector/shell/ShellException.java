package uccx.compliance.collector.shell;

/** The management hop failed; the message names the hop (for example {@code WinRM to exch01:5986: connection refused}) and never a secret. */
public class ShellException extends Exception {
    public ShellException(String message) {
        super(message);
    }

    public ShellException(String message, Throwable cause) {
        super(message, cause);
    }
}
