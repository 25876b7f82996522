package uccx.compliance.lab.imap;

/** The lab mailbox's INBOX: only its size matters to the probes, which never read a message. */
public record Inbox(int messages) {
    public Inbox {
        if (messages < 0) {
            throw new IllegalArgumentException("messages must be >= 0");
        }
    }
}
