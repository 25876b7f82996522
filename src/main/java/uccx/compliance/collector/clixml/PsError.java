package uccx.compliance.collector.clixml;

import java.util.Objects;

/**
 * An error the script wrote to its error stream: a serialized ErrorRecord or PowerShell's
 * formatted error lines. Missing parts are empty strings, never null.
 *
 * @param fullyQualifiedErrorId for example {@code NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand}
 * @param message               the exception's message, for example {@code Attempted to perform an unauthorized operation.}
 * @param category              the category line as PowerShell prints it, for example
 *                              {@code ObjectNotFound: (:) [Get-WinEvent], Exception}
 * @param targetObject          what the command was working on, as text
 */
public record PsError(String fullyQualifiedErrorId, String message, String category, String targetObject) {

    public PsError {
        fullyQualifiedErrorId = Objects.requireNonNullElse(fullyQualifiedErrorId, "");
        message = Objects.requireNonNullElse(message, "");
        category = Objects.requireNonNullElse(category, "");
        targetObject = Objects.requireNonNullElse(targetObject, "");
    }

    /** Reads a serialized ErrorRecord (or any object written to the error stream). */
    public static PsError of(PsObject errorRecord) {
        return ErrorRecords.fromRecord(errorRecord);
    }

    /**
     * Whether the error id is {@code errorId}, with or without the command part:
     * {@code hasErrorId("NoMatchingEventsFound")} is true for
     * {@code NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand}.
     */
    public boolean hasErrorId(String errorId) {
        return fullyQualifiedErrorId.equalsIgnoreCase(errorId)
                || fullyQualifiedErrorId.regionMatches(true, 0, errorId + ",", 0, errorId.length() + 1);
    }

    /** The ErrorCategory alone, for example {@code PermissionDenied} or {@code ObjectNotFound}. */
    public String categoryName() {
        int colon = category.indexOf(':');
        return (colon < 0 ? category : category.substring(0, colon)).strip();
    }
}
