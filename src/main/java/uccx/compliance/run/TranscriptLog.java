package uccx.compliance.run;

import uccx.compliance.controls.FindingsReport;
import uccx.compliance.evidence.KeptTranscript;
import uccx.compliance.evidence.RunSummary;

/**
 * Where the run keeps each live control's transcript: besides the report, as a file of the run
 * folder, so that the manifest, the zip and the OSCAL observation of the result hold it.
 */
final class TranscriptLog {

    private final RunSummary summary;

    TranscriptLog(RunSummary summary) {
        this.summary = summary;
    }

    /** The result's report, whose transcripts are also kept for {@code control} on {@code target}. */
    FindingsReport keeping(FindingsReport report, String control, String target) {
        return new FindingsReport() {
            @Override
            public void attach(Attachment attachment) {
                report.attach(attachment);
            }

            @Override
            public void describe(String html) {
                report.describe(html);
            }

            @Override
            public void transcript(Attachment transcript) {
                report.transcript(transcript);
                summary.transcript(new KeptTranscript(control, target, transcript.content()));
            }
        };
    }
}
