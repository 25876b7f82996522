package uccx.compliance.collector;

import java.util.List;

/**
 * What the tree-sitter PowerShell grammar found in one script: the JSON that
 * {@code src/test/powershell-grammar/check-script.mjs} prints.
 *
 * @param errors          every ERROR and MISSING node of the syntax tree
 * @param commands        names of the commands the script invokes, in order of first use
 * @param dynamicCommands invocations whose command name is computed, so no name can be checked
 * @param methodCalls     every .NET method call, static ({@code [Math]::Ceiling(...)}) or on a value
 * @param newObjects      every {@code New-Object}, with the type it builds
 * @param regions         names of the {@code #region} comments, in order
 */
record ScriptSyntax(List<SyntaxError> errors, List<String> commands, List<DynamicCommand> dynamicCommands,
                    List<MethodCall> methodCalls, List<NewObject> newObjects, List<String> regions) {

    /** A place where the grammar could not parse the script; line and column count from 1. */
    record SyntaxError(int line, int column, String text) {
    }

    /** An invocation such as {@code . ($dir + 'x.ps1')} or {@code & $command}. */
    record DynamicCommand(int line, int column, String operator, String text) {
    }

    /**
     * A .NET method call.
     *
     * @param type   the type literal of a static call ({@code Math} for {@code [Math]::Ceiling(...)}),
     *               empty for a call on a value ({@code $pool.Open()})
     * @param method the method's name; null when it is computed ({@code $x.$name()})
     * @param text   the call as written, cut at 80 characters
     */
    record MethodCall(int line, int column, String type, String method, String text) {
    }

    /** A {@code New-Object}: the type it builds ({@code COM:} and the ProgID for -ComObject), null when computed. */
    record NewObject(int line, int column, String type) {
    }
}
