package uccx.compliance.lab.winrm;

import java.util.Optional;

/**
 * What runs behind one WinRM Command in the lab, in place of cmd.exe and what it starts.
 * The endpoint asks for {@link #result()} right after the program starts, after each
 * {@link #standardInput(byte[])}, and when the program says it has finished: a waiting Receive
 * sleeps instead of polling.
 */
public interface RemoteProgram {

    /**
     * One Send's bytes, in the order the client sent them. Chunks do not follow line boundaries:
     * the client cuts its input wherever its buffer ends.
     */
    void standardInput(byte[] chunk);

    /** The client closed standard input (a Send whose stream has {@code End="true"}); Overthere never does. */
    default void endOfInput() {
        // most programs read up to a sentinel and never wait for the end
    }

    /** How the program ended, or empty while it still waits for input or still runs. */
    Optional<ProgramResult> result();

    /**
     * For a program that finishes on a thread of its own (after its input has arrived): the
     * listener runs once {@link #result()} has it. Programs that finish inside
     * {@link #standardInput(byte[])} need not call it.
     */
    default void whenFinished(Runnable listener) {
        // finished, if ever, inside standardInput
    }
}
