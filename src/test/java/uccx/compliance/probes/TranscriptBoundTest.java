package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A server's flood is not kept a second time in the trace: it is cut at the bound, on a line end, and says so. */
class TranscriptBoundTest {

    @Test
    void aFloodIsCutAtTheBoundOnALineEnd() {
        Transcript transcript = new Transcript();
        transcript.out().println("* OK IMAP4rev1 ready");
        String line = "* 1 FETCH " + "A".repeat(1000);
        for (int i = 0; i < 2_000; i++) {
            transcript.out().println(line);
        }

        String trace = transcript.redacted("s3cret");

        assertThat(trace.length()).isLessThanOrEqualTo(Transcript.MAX_TRACE_BYTES + 100);
        assertThat(trace).startsWith("* OK IMAP4rev1 ready\n")
                .endsWith(line + "\n[the trace was cut at 256 KiB, the bound on one session's trace]\n");
    }

    @Test
    void aPasswordCutInTwoAtTheBoundIsNotKeptHalf() {
        Transcript transcript = new Transcript();
        String filler = "x".repeat(99) + "\n";
        int lines = (Transcript.MAX_TRACE_BYTES - 3) / filler.length();
        transcript.out().print(filler.repeat(lines));
        int left = Transcript.MAX_TRACE_BYTES - lines * filler.length();
        String password = "S3cret-" + "p".repeat(left);
        transcript.out().println("DEBUG IMAP: echoed " + password);

        assertThat(transcript.redacted(password)).doesNotContain("S3cret-").doesNotContain("DEBUG IMAP: echoed");
    }

    @Test
    void anOrdinaryTraceIsKeptWhole() {
        Transcript transcript = new Transcript();
        transcript.out().println("* OK IMAP4rev1 ready");
        transcript.out().println("A1 OK done");

        assertThat(transcript.redacted("s3cret")).isEqualTo("* OK IMAP4rev1 ready\nA1 OK done\n");
    }
}
