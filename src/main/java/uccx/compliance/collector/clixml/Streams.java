package uccx.compliance.collector.clixml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sorts what a run wrote into output, errors and the other streams. */
final class Streams {

    static final String OUTPUT = "Output";
    static final String ERROR = "Error";
    static final String WARNING = "Warning";

    // powershell.exe spells some in lower case (S="progress", S="warning"); canonical names read better in evidence
    private static final Map<String, String> CANONICAL = Map.of(
            "output", OUTPUT, "error", ERROR, "warning", WARNING, "verbose", "Verbose",
            "debug", "Debug", "progress", "Progress", "information", "Information");

    private Streams() {
    }

    /** A top-level item and the stream its {@code S} attribute named ("" when none). */
    record Written(PsValue value, String stream) {
    }

    static String canonical(String stream) {
        if (stream == null) {
            return "";
        }
        return CANONICAL.getOrDefault(stream.toLowerCase(Locale.ROOT), stream);
    }

    static CliXmlDocument sort(List<Written> written) {
        List<PsValue> output = new ArrayList<>();
        List<PsError> errors = new ArrayList<>();
        List<PsStreamItem> other = new ArrayList<>();
        // PowerShell writes a formatted error one line per <S S="Error">: gather consecutive lines
        StringBuilder errorLines = new StringBuilder();
        for (Written item : written) {
            boolean errorText = item.stream().equals(ERROR) && item.value() instanceof PsPrimitive;
            if (!errorText && errorLines.length() > 0) {
                errors.addAll(ErrorRecords.fromFormattedText(errorLines.toString()));
                errorLines.setLength(0);
            }
            if (errorText) {
                errorLines.append(item.value().text());
            } else if (item.value() instanceof PsObject object
                    && (item.stream().equals(ERROR) || ErrorRecords.isErrorRecord(object))) {
                errors.add(ErrorRecords.fromRecord(object));
            } else if (item.stream().isEmpty() || item.stream().equals(OUTPUT)) {
                output.add(item.value());
            } else {
                other.add(new PsStreamItem(item.stream(), item.value()));
            }
        }
        if (errorLines.length() > 0) {
            errors.addAll(ErrorRecords.fromFormattedText(errorLines.toString()));
        }
        return new CliXmlDocument(output, errors, other);
    }
}
