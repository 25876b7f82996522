package uccx.compliance.collector;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import uccx.compliance.collector.clixml.CliXml;
import uccx.compliance.collector.clixml.CliXmlException;

/**
 * The {@code -Dsnapshot} file a run replays, checked before the run starts: a typo in the path or
 * a file that is not the collector's output would otherwise only show up as every configuration
 * control being "could not verify", after the report has been written.
 */
public final class SnapshotFile {

    private SnapshotFile() {
    }

    /**
     * @param argument   {@code -Dsnapshot}'s value as given; blank means no replay
     * @param projectDir where a relative path starts, as for the run itself
     * @return what is wrong with it, as one line {@code -Dsnapshot=<file>: <problem>}, or empty
     */
    public static Optional<String> problem(String argument, Path projectDir) {
        String given = argument == null ? "" : argument.strip();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        return check(given, projectDir).map(problem -> "-Dsnapshot=" + given + ": " + problem);
    }

    private static Optional<String> check(String given, Path projectDir) {
        Path file;
        try {
            file = projectDir.resolve(given).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Optional.of("not a file path: " + e.getReason());
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a directory, not the collector's output file");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("no such file (" + file + ")");
        }
        String text;
        try {
            // Decoded as the replay decodes it (SnapshotReplay), strictly, so that what passes here replays.
            text = uccx.compliance.collector.shell.SnapshotText.read(file);
        } catch (CharacterCodingException e) {
            return Optional.of("is neither UTF-8 text nor UTF-16 with a byte-order mark (as Export-Clixml writes it); "
                    + "save the collector's output in one of those");
        } catch (IOException e) {
            return Optional.of("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (text.isBlank()) {
            return Optional.of("is empty; it should hold the collector script's CliXml output");
        }
        try {
            if (CliXml.parse(text).output().isEmpty()) {
                return Optional.of("holds no record of the collector script (CliXml with no object in it)");
            }
            return Optional.empty();
        } catch (CliXmlException e) {
            // The exception's message gives line, column and problem, never the file's content.
            return Optional.of("is not the collector's CliXml output (line " + e.line() + ", column " + e.column() + ": "
                    + e.problem() + ")");
        }
    }
}
