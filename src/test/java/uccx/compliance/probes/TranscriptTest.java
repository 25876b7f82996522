package uccx.compliance.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The second line of defence: even a trace that did record the login gives nothing away. */
class TranscriptTest {

    @Test
    void passwordsAndLoginPayloadsAreRedacted() {
        Transcript transcript = new Transcript();
        transcript.out().println("A1 LOGIN uccx s3cret");
        transcript.out().println("A1 NO LOGIN failed.");
        transcript.out().println("A2 AUTHENTICATE PLAIN AHV1Y2N4AHMzY3JldA==");
        transcript.out().println("A3 AUTHENTICATE NTLM");
        transcript.out().println("+ ");
        transcript.out().println("TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==");
        transcript.out().println("A3 OK AUTHENTICATE completed.");
        transcript.out().println("DEBUG IMAP: somebody echoed s3cret");

        String clean = transcript.redacted("s3cret");

        assertThat(clean).doesNotContain("s3cret").doesNotContain("AHV1Y2N4AHMzY3JldA==").doesNotContain("TlRMTVNTUAAB")
                .contains("A1 LOGIN <redacted>", "A1 NO LOGIN failed.", "A2 AUTHENTICATE PLAIN <redacted>", "A3 AUTHENTICATE NTLM",
                        "<redacted> (authentication payload)", "A3 OK AUTHENTICATE completed.");
    }
}
