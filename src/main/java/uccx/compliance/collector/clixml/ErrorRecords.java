package uccx.compliance.collector.clixml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads errors in the two shapes powershell.exe writes them: a serialized ErrorRecord (its
 * facts as note properties {@code FullyQualifiedErrorId}, {@code Exception},
 * {@code ErrorCategory_Message}, ... or, from Export-Clixml of newer versions, as
 * {@code CategoryInfo}), and the formatted text a console shows, one line per string.
 */
final class ErrorRecords {

    private static final String ERROR_RECORD = "System.Management.Automation.ErrorRecord";

    private static final Pattern ERROR_ID_LINE = Pattern.compile("^\\s*\\+\\s*FullyQualifiedErrorId\\s*:\\s*(.*?)\\s*$");
    private static final Pattern CATEGORY_LINE = Pattern.compile("^\\s*\\+\\s*CategoryInfo\\s*:\\s*(.*?)\\s*$");
    // "At line:1 char:13", "At C:\collect.ps1:12 char:5", "+ Get-WinEvent <<<< ...", "    + CategoryInfo ..."
    private static final Pattern AFTER_MESSAGE = Pattern.compile("^(At \\S.*:\\d+ char:\\d+|At line:\\d+.*|\\s*\\+.*)$");
    // "ObjectNotFound: (EXCH01:String) [Get-WinEvent], Exception": the target before the last colon in the parentheses
    private static final Pattern CATEGORY_TARGET = Pattern.compile("^[^:]*: \\((.*):[^:()]*\\) \\[");
    // "System.UnauthorizedAccessException: Attempted ...", the form an exception prints itself in
    private static final Pattern EXCEPTION_TYPE_PREFIX = Pattern.compile("^[\\w.+`]+Exception: ");

    private ErrorRecords() {
    }

    static boolean isErrorRecord(PsObject object) {
        return object.isTypeOf(ERROR_RECORD);
    }

    static PsError fromRecord(PsObject record) {
        return new PsError(
                text(record, "FullyQualifiedErrorId").orElse(""),
                message(record),
                text(record, "CategoryInfo").or(() -> text(record, "ErrorCategory_Message")).orElse(""),
                text(record, "TargetObject").or(() -> text(record, "ErrorCategory_TargetName")).orElse(""));
    }

    private static String message(PsObject record) {
        Optional<PsValue> exception = record.property("Exception").filter(e -> !e.isNull());
        Optional<String> exceptionMessage = exception.flatMap(e -> e.property("Message")).map(PsValue::text)
                .filter(m -> !m.isBlank());
        if (exceptionMessage.isPresent()) {
            return exceptionMessage.get();
        }
        // beyond the serialization depth an exception is only its ToString: "Type: message\r\n   at ..."
        Optional<String> exceptionText = exception.map(PsValue::text).filter(t -> !t.isBlank())
                .map(t -> EXCEPTION_TYPE_PREFIX.matcher(t.lines().findFirst().orElse("")).replaceFirst(""));
        if (exceptionText.isPresent()) {
            return exceptionText.get();
        }
        return record.toStringText().or(() -> record.baseValue().map(PsValue::text)).orElse("");
    }

    private static Optional<String> text(PsObject record, String property) {
        return record.property(property).map(PsValue::text).filter(t -> !t.isEmpty());
    }

    /**
     * Splits PowerShell's formatted error text into errors: each ends at its
     * {@code + FullyQualifiedErrorId :} line; text without one is one error of its own.
     */
    static List<PsError> fromFormattedText(String text) {
        List<PsError> errors = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : text.split("\\r\\n|\\r|\\n")) {
            if (block.isEmpty() && line.isBlank()) {
                continue;
            }
            block.add(line);
            if (ERROR_ID_LINE.matcher(line).matches()) {
                errors.add(fromFormattedBlock(block));
                block.clear();
            }
        }
        if (block.stream().anyMatch(l -> !l.isBlank())) {
            errors.add(fromFormattedBlock(block));
        }
        return errors;
    }

    private static PsError fromFormattedBlock(List<String> lines) {
        List<String> messageLines = new ArrayList<>();
        String errorId = "";
        String category = "";
        boolean inMessage = true;
        for (String line : lines) {
            inMessage = inMessage && !AFTER_MESSAGE.matcher(line).matches();
            if (inMessage) {
                messageLines.add(line.strip());
            }
            Matcher id = ERROR_ID_LINE.matcher(line);
            if (id.matches()) {
                errorId = id.group(1);
            }
            Matcher categoryLine = CATEGORY_LINE.matcher(line);
            if (categoryLine.matches()) {
                category = categoryLine.group(1);
            }
        }
        String message = String.join("\n", messageLines).strip();
        // "Get-WinEvent : No events were found ...": the command name is not part of the message
        message = message.replaceFirst("^[A-Za-z]+-[A-Za-z0-9]+ : ", "");
        Matcher target = CATEGORY_TARGET.matcher(category);
        return new PsError(errorId, message, category, target.find() ? target.group(1) : "");
    }
}
