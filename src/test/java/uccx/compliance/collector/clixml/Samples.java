package uccx.compliance.collector.clixml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test resources under {@code /clixml/}, read as the collector receives output: one string. */
final class Samples {

    private Samples() {
    }

    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/clixml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /clixml/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CliXmlDocument parse(String name) throws CliXmlException {
        return CliXml.parse(text(name));
    }
}
