package uccx.compliance.collector.clixml;

import java.io.Reader;

/** Reads part of a string without copying it: an output of many megabytes is not duplicated per document. */
final class TextSliceReader extends Reader {

    private final String text;
    private final int end;
    private int position;

    TextSliceReader(String text, int start, int end) {
        this.text = text;
        this.position = start;
        this.end = end;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (position >= end) {
            return -1;
        }
        int count = Math.min(length, end - position);
        text.getChars(position, position + count, buffer, offset);
        position += count;
        return count;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
