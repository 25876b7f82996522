package uccx.compliance.probes;

import org.eclipse.angus.mail.iap.ByteArray;

/**
 * What Angus Mail may read in one IMAP session of LIVE-01 or LIVE-02. A server that keeps sending
 * never trips the read timeout, and Angus itself bounds nothing: it grows a response's buffer for
 * as long as a line goes on, and sizes it from a literal's announced {@code {n}} before reading
 * the literal. Counting is done on the responses Angus parses, above TLS, so the bound is on the
 * plaintext whatever {@code imap.security} says.
 */
final class ImapSessionBound {

    /**
     * The longest response: a line and any literal it announces, together. Exchange 2010's longest
     * line is the CAPABILITY line (under 300 bytes) and it sends no literal to a login and EXAMINE;
     * RFC 2683 section 3.2.1.5 asks clients to take lines of 8000 octets or more. As for the raw probes
     * ({@link LineChannel#MAX_LINE_BYTES}), 64 KiB is far beyond both and still small.
     */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;

    /** All a session reads: a real Exchange 2010 sends a few KiB for greeting, CAPABILITY, LOGIN, EXAMINE and LOGOUT. */
    static final long MAX_SESSION_BYTES = 1024 * 1024;

    /**
     * Responses in one session. Angus keeps every response to a command until the command's tagged
     * end, each in an object and a buffer of at least 128 bytes, so a flood of three-byte lines would
     * cost a hundred times what it sends; Exchange 2010 sends about twenty in a whole session.
     */
    static final int MAX_RESPONSES = 10_000;

    /** Angus's own first size for a response buffer. */
    private static final int FIRST_BUFFER_BYTES = 128;

    private long bytes;
    private int responses;
    private ByteArray last;

    /** The buffer Angus reads the next response into; it refuses to grow past {@link #MAX_RESPONSE_BYTES}. */
    ByteArray nextResponseBuffer() {
        last = new ResponseBuffer();
        return last;
    }

    /** Counts the response just read into the last buffer handed out. */
    void counted() throws OverBound {
        responses++;
        bytes += last == null ? 0 : last.getCount();
        if (bytes > MAX_SESSION_BYTES) {
            throw new OverBound("the server sent more than " + MAX_SESSION_BYTES / (1024 * 1024)
                    + " MiB in one IMAP session (the bound on one session); it was not read further");
        }
        if (responses > MAX_RESPONSES) {
            throw new OverBound("the server sent more than " + MAX_RESPONSES
                    + " responses in one IMAP session (the bound on one session); it was not read further");
        }
    }

    /**
     * Grows only within the bound. Angus grows the buffer as a line goes on, and by a literal's
     * announced size before it reads the literal, so the refusal comes before the allocation.
     */
    private static final class ResponseBuffer extends ByteArray {

        ResponseBuffer() {
            super(new byte[FIRST_BUFFER_BYTES], 0, FIRST_BUFFER_BYTES);
        }

        @Override
        public void grow(int incr) {
            if ((long) getBytes().length + incr > MAX_RESPONSE_BYTES) {
                throw new ResponseTooLong();
            }
            super.grow(incr);
        }
    }

    /**
     * Unchecked only because {@link ByteArray#grow} declares nothing; {@link BoundedImapProtocol#readResponse}
     * turns it into an {@link OverBound} at the one call it can come from, so Angus sees an IOException,
     * as from a broken connection.
     */
    static final class ResponseTooLong extends RuntimeException {

        ResponseTooLong() {
            super(null, null, false, false);
        }

        OverBound overBound() {
            return new OverBound("the server sent or announced more than " + MAX_RESPONSE_BYTES / 1024
                    + " KiB (the bound on one IMAP response, a literal it announces included); it was not read further");
        }
    }
}
