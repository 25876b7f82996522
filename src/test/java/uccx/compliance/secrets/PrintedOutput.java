package uccx.compliance.secrets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a piece of work printed on standard output and error, also from the threads it started, for a secret search. */
public final class PrintedOutput {

    /** Work that may throw, as a run of the suite or a shell does. */
    public interface Work {
        void run() throws Exception;
    }

    private PrintedOutput() {
    }

    public static String of(Work work) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            work.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
