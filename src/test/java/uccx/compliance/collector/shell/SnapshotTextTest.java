package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTextTest {

    private static final String CLIXML = "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
            + "<Obj RefId=\"0\"><MS><S N=\"Name\">EXCH01 – Zürich</S></MS></Obj></Objs>";

    @TempDir
    Path dir;

    @Test
    void exportClixmlsUtf16WithItsByteOrderMarkReadsAsWritten() throws Exception {
        assertThat(SnapshotText.read(file("le.xml", new byte[] {(byte) 0xFF, (byte) 0xFE}, CLIXML.getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo(CLIXML);
        assertThat(SnapshotText.read(file("be.xml", new byte[] {(byte) 0xFE, (byte) 0xFF}, CLIXML.getBytes(StandardCharsets.UTF_16BE))))
                .isEqualTo(CLIXML);
    }

    @Test
    void utf8WithOrWithoutItsMarkReadsAsWritten() throws Exception {
        assertThat(SnapshotText.read(file("plain.xml", new byte[0], CLIXML.getBytes(StandardCharsets.UTF_8)))).isEqualTo(CLIXML);
        assertThat(SnapshotText.read(file("bom.xml", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                CLIXML.getBytes(StandardCharsets.UTF_8)))).isEqualTo(CLIXML);
    }

    @Test
    void anyOtherEncodingIsRefusedNotGuessed() throws Exception {
        Path latin1 = file("latin1.xml", new byte[0], CLIXML.replace("–", "-").getBytes(StandardCharsets.ISO_8859_1));
        Path utf16WithoutMark = file("nomark.xml", new byte[0], CLIXML.getBytes(StandardCharsets.UTF_16LE));

        assertThatThrownBy(() -> SnapshotText.read(latin1)).isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> SnapshotText.read(utf16WithoutMark)).isInstanceOf(CharacterCodingException.class);
    }

    private Path file(String name, byte[] mark, byte[] text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(mark);
        bytes.write(text);
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }
}
