package uccx.compliance.lab.winrm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for powershell.exe reading a script from stdin: it collects lines until the
 * sentinel, then echoes them. {@code err <text>} goes to stderr, {@code exit <n>} sets the exit
 * code and {@code repeat <n>} writes n bytes of output, for chunking tests.
 */
public final class ScriptEcho implements RemoteProgram {

    public static final String SENTINEL = "#end-of-script";

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private ProgramResult result;

    public static RemotePrograms programs() {
        return (commandLine, logon) -> new ScriptEcho();
    }

    @Override
    public void standardInput(byte[] chunk) {
        pending.writeBytes(chunk);
        String text = pending.toString(StandardCharsets.ISO_8859_1);
        int end;
        while ((end = text.indexOf("\r\n")) >= 0 && result == null) {
            String line = text.substring(0, end);
            text = text.substring(end + 2);
            if (line.equals(SENTINEL)) {
                result = finish();
            } else {
                lines.add(line);
            }
        }
        pending.reset();
        pending.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public Optional<ProgramResult> result() {
        return Optional.ofNullable(result);
    }

    private ProgramResult finish() {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int exit = 0;
        for (String line : lines) {
            if (line.startsWith("err ")) {
                err.append(line.substring(4)).append("\r\n");
            } else if (line.startsWith("exit ")) {
                exit = Integer.parseInt(line.substring(5));
            } else if (line.startsWith("repeat ")) {
                out.append("x".repeat(Integer.parseInt(line.substring(7)))).append("\r\n");
            } else {
                out.append("read: ").append(line).append("\r\n");
            }
        }
        return ProgramResult.text(out.toString(), err.toString(), exit);
    }
}
