package uccx.compliance.collector.shell;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a saved collector output the way an admin may have saved it: Export-Clixml and
 * PowerShell's {@code >} write UTF-16 with a byte-order mark, cmd.exe's {@code >} and our own
 * snapshot.xml are UTF-8. A byte-order mark decides; without one the text must be UTF-8. Decoding
 * is strict, so a file in any other encoding is refused instead of replayed as garbage.
 */
public final class SnapshotText {

    private SnapshotText() {
    }

    /** @throws CharacterCodingException when the bytes are not text in the encoding their mark (or its absence) names */
    public static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (starts(bytes, 0xEF, 0xBB, 0xBF)) {
            return decode(bytes, 3, StandardCharsets.UTF_8);
        }
        if (starts(bytes, 0xFF, 0xFE)) {
            return decode(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (starts(bytes, 0xFE, 0xFF)) {
            return decode(bytes, 2, StandardCharsets.UTF_16BE);
        }
        return decode(bytes, 0, StandardCharsets.UTF_8);
    }

    private static boolean starts(byte[] bytes, int... mark) {
        if (bytes.length < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((bytes[i] & 0xFF) != mark[i]) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    }
}
