package uccx.compliance.collector;

import java.util.List;

/**
 * What the tree-sitter PowerShell grammar found in one script: the JSON that
 * {@code src/test/powershell-grammar/check-script.mjs} prints.
 *
 * @param errors          every ERROR and MISSING node of the syntax tree
 * @param commands        names of the commands the script invokes, in order of first use
 * @param dynamicCommands invocations whose command name is computed, so no name can be checked
 * @param regions         names of the {@code #region} comments, in order
 */
record ScriptSyntax(List<SyntaxError> errors, List<String> commands, List<DynamicCommand> dynamicCommands,
                    List<String> regions) {

    /** A place where the grammar could not parse the script; line and column count from 1. */
    record SyntaxError(int line, int column, String text) {
    }

    /** An invocation such as {@code . ($dir + 'x.ps1')} or {@code & $command}. */
    record DynamicCommand(int line, int column, String operator, String text) {
    }
}
