package uccx.compliance.collector.shell;

import uccx.compliance.collector.RemoteCommand;

/**
 * A way to run one command where the Exchange Management Shell is: WinRM to an Exchange server
 * (or the embedded lab), or powershell.exe on this Windows agent. The collector sends exactly one
 * {@link RemoteCommand} per run.
 */
public interface ManagementShell extends AutoCloseable {

    /**
     * Runs the command, writes its standard input lines, and waits for it to end within the read
     * timeout. Never retries: a wrong password must not be tried twice.
     *
     * @throws ShellException naming the hop that failed (connect, authenticate, TLS, timeout, ...)
     */
    ShellOutput run(RemoteCommand command) throws ShellException;

    /**
     * Whether this shell sends the audit account's password after a command's input, for a
     * script that uses it explicitly on the second hop ({@code secondHop: credential}). Only a
     * WinRM shell that holds the password and was told to can.
     */
    default boolean bringsCredential() {
        return false;
    }

    /** Where commands go, for messages and evidence: for example {@code WinRM https://exch01:5986 as svc@CORP}. Never a secret. */
    String describe();

    @Override
    void close();
}
