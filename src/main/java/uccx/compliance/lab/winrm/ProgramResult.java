package uccx.compliance.lab.winrm;

import java.nio.charset.Charset;

/**
 * What a lab program wrote and how it ended.
 *
 * @param stdout   bytes as the remote console wrote them
 * @param stderr   bytes as the remote console wrote them
 * @param exitCode the process exit code that WinRM reports in CommandState/ExitCode
 */
public record ProgramResult(byte[] stdout, byte[] stderr, int exitCode) {

    /**
     * The code page Overthere asks for when it opens a shell (WINRS_CODEPAGE 437): a real console
     * writes its output in it, so the lab does too.
     */
    public static final Charset CONSOLE = Charset.forName("IBM437");

    public ProgramResult {
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    /** A result from text, encoded as the remote console would. */
    public static ProgramResult text(String stdout, String stderr, int exitCode) {
        return new ProgramResult(stdout.getBytes(CONSOLE), stderr.getBytes(CONSOLE), exitCode);
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }
}
