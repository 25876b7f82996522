package uccx.compliance.lab.powershell;

import java.util.List;
import java.util.Optional;

/**
 * A non-terminating error as powershell.exe writes it to its error stream with
 * {@code -OutputFormat XML}: a serialized ErrorRecord with PowerShell 2.0's {@code ErrorCategory_*}
 * note properties, in the shape of the project's hand-written PowerShell 2.0 error sample.
 */
final class ErrorRecordShape {

    private ErrorRecordShape() {
    }

    /**
     * An Exchange cmdlet's error.
     *
     * @param errorId the FullyQualifiedErrorId, with or without its command part, for example {@code ManagementObjectNotFoundException}
     * @param command the cmdlet that wrote it, for example {@code Get-ADPermission}
     */
    static Serialized ofCmdlet(String message, String errorId, String command, String target) {
        String commandClass = "Microsoft.Exchange.Management." + command.replace("-", "") + "Command";
        String reason = errorId.split(",")[0];
        String category = categoryOf(errorId);
        return of(message, errorId.contains(",") ? errorId : errorId + "," + commandClass, command, target,
                category + ": (" + target + ":String) [" + command + "], " + reason);
    }

    /** An error as PowerShell wrote it, its category line as the console shows it. */
    static Serialized of(String message, String fullyQualifiedErrorId, String activity, String target, String categoryLine) {
        String reason = fullyQualifiedErrorId.split(",")[0];
        Serialized exception = new Serialized.Obj(List.of("System.Exception", "System.Object"),
                Optional.of("System.Exception: " + message), Optional.empty(),
                List.of(new Serialized.Property("Message", new Serialized.Text(message))));
        return new Serialized.Obj(List.of("System.Management.Automation.ErrorRecord", "System.Object"), Optional.of(message),
                Optional.empty(), List.of(
                new Serialized.Property("Exception", exception),
                new Serialized.Property("TargetObject", Serialized.text(target.isEmpty() ? null : target)),
                new Serialized.Property("FullyQualifiedErrorId", new Serialized.Text(fullyQualifiedErrorId)),
                new Serialized.Property("InvocationInfo", new Serialized.Nil()),
                new Serialized.Property("ErrorCategory_Category", Serialized.int32(categoryLine.startsWith("ObjectNotFound") ? 13 : 0)),
                new Serialized.Property("ErrorCategory_Activity", new Serialized.Text(activity)),
                new Serialized.Property("ErrorCategory_Reason", new Serialized.Text(reason)),
                new Serialized.Property("ErrorCategory_TargetName", new Serialized.Text(target)),
                new Serialized.Property("ErrorCategory_TargetType", new Serialized.Text(target.isEmpty() ? "" : "String")),
                new Serialized.Property("ErrorCategory_Message", new Serialized.Text(categoryLine)),
                new Serialized.Property("SerializeExtendedInfo", new Serialized.Bool(false))));
    }

    private static String categoryOf(String errorId) {
        return errorId.contains("NotFound") ? "ObjectNotFound" : "NotSpecified";
    }
}
