package uccx.compliance.lab.winrm;

import java.util.Optional;

/**
 * What runs behind one WinRM Command in the lab, in place of cmd.exe and what it starts.
 * The endpoint asks for {@link #result()} right after the program starts and after each
 * {@link #standardInput(byte[])}: a program's result may only appear at those moments, which is
 * what lets a waiting Receive sleep instead of polling.
 */
public interface RemoteProgram {

    /**
     * One Send's bytes, in the order the client sent them. Chunks do not follow line boundaries:
     * the client cuts its input wherever its buffer ends.
     */
    void standardInput(byte[] chunk);

    /** How the program ended, or empty while it still waits for input. */
    Optional<ProgramResult> result();
}
