package uccx.compliance.controls;

/**
 * Where a control's findings leave their evidence as they are made: the report of the result
 * (the evidence room writes it into Allure). The findings only say what to show.
 */
public interface FindingsReport {

    /** One file beside the result, for example the CliXml the facts were read from, or the fix. */
    record Attachment(String title, String mimeType, String content, String extension) {
    }

    /** Shows nothing: for findings made outside a run, in unit tests. */
    FindingsReport NONE = new FindingsReport() {
        @Override
        public void attach(Attachment attachment) {
            // nowhere to show it
        }

        @Override
        public void describe(String html) {
            // nowhere to show it
        }
    };

    void attach(Attachment attachment);

    /** A probe's conversation: shown like any attachment; a run also keeps it as a file of its evidence. */
    default void transcript(Attachment transcript) {
        attach(transcript);
    }

    /** The result's description: the checklist step, why it matters, and the thresholds judged. */
    void describe(String html);
}
