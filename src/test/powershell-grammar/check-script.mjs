// Parses one PowerShell script with the tree-sitter grammar and prints, as one JSON object:
//   errors          every ERROR and MISSING node: {line, column, text} (1-based)
//   commands        the names of the commands the script invokes, in order of first use
//   dynamicCommands invocations whose name is computed ('. ($dir + 'x.ps1')', '& $cmd'):
//                   {line, column, operator, text}; no name can be checked, so the caller
//                   must account for each one
//   methodCalls     every .NET method call: {line, column, type, method, text}; type is the
//                   type literal of a static call ('[Math]::Ceiling(...)': 'Math'), '' for a call
//                   on a value ('$pool.Open()'); method is null when the name is computed
//                   ('$x.$name()'), which no review can judge
//   newObjects      every New-Object: {line, column, type}, the type it builds ('COM:' + ProgID
//                   for -ComObject), null when the type is computed
//   regions         the names of its '#region NAME' comments, in order
// Commands come from the syntax tree, not from text: a Verb-Noun word inside a string, a
// comment or a .NET method call is not an invocation, and an invocation hidden behind '&' or
// a quoted name is one. .NET calls are listed because a script can write without any cmdlet
// ('[IO.File]::Delete(...)', '$ExecutionContext.InvokeCommand.InvokeScript(...)'): the caller
// checks them against a reviewed list.
//
// Usage: node check-script.mjs <script.ps1>. Exit 0 when the script was parsed (syntax errors
// are part of the answer, not a failure of this tool), 2 when it could not be read.

import { readFileSync } from 'node:fs';
import Parser from 'tree-sitter';
// The package's "main" has no file extension, which Node 20 still resolves for an ES import
// but with a deprecation warning on every run; naming the file keeps stderr for real trouble.
import PowerShell from 'tree-sitter-powershell/bindings/node/index.js';

const ERROR_TEXT_LIMIT = 80;

function main(argv) {
    if (argv.length !== 1) {
        process.stderr.write('usage: node check-script.mjs <script.ps1>\n');
        return 2;
    }
    let source;
    try {
        source = readFileSync(argv[0], 'utf8');
    } catch (e) {
        process.stderr.write(`cannot read ${argv[0]}: ${e.message}\n`);
        return 2;
    }
    process.stdout.write(JSON.stringify(analyse(withoutBom(source))) + '\n');
    return 0;
}

// Windows PowerShell 2.0 wants a BOM on non-ASCII scripts; the grammar would take it for code.
function withoutBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function analyse(source) {
    const parser = new Parser();
    parser.setLanguage(PowerShell);
    const tree = parser.parse(source);
    const found = { errors: [], commands: [], dynamicCommands: [], methodCalls: [], newObjects: [], regions: [] };
    for (const node of nodesOf(tree.rootNode)) {
        if (node.type === 'ERROR' || node.isMissing) {
            found.errors.push(errorOf(node));
        } else if (node.type === 'command') {
            addCommand(found, node);
            addNewObject(found, node);
        } else if (node.type === 'invokation_expression') {
            addMethodCall(found, node);
        } else if (node.type === 'comment') {
            const region = /^#region[ \t]+(\S.*?)\s*$/i.exec(node.text);
            if (region) {
                found.regions.push(region[1]);
            }
        }
    }
    return found;
}

// Depth-first, in source order, without recursion so a deeply nested script cannot overflow.
function* nodesOf(root) {
    const cursor = root.walk();
    let descending = true;
    while (true) {
        if (descending) {
            yield cursor.currentNode;
            if (cursor.gotoFirstChild()) {
                continue;
            }
        }
        if (cursor.gotoNextSibling()) {
            descending = true;
            continue;
        }
        if (!cursor.gotoParent()) {
            return;
        }
        descending = false;
    }
}

function errorOf(node) {
    const text = node.isMissing ? `missing ${node.type}` : node.text;
    return {
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        text: text.length > ERROR_TEXT_LIMIT ? text.slice(0, ERROR_TEXT_LIMIT) + '...' : text,
    };
}

function addCommand(found, command) {
    const nameNode = command.childForFieldName('command_name');
    if (nameNode === null) {
        return; // only inside an ERROR, which is already reported
    }
    const name = staticNameOf(nameNode);
    if (name !== null) {
        if (!found.commands.includes(name)) {
            found.commands.push(name);
        }
        return;
    }
    const operator = command.namedChildren.find(c => c.type === 'command_invokation_operator');
    found.dynamicCommands.push({
        line: command.startPosition.row + 1,
        column: command.startPosition.column + 1,
        operator: operator ? operator.text : '',
        text: nameNode.text,
    });
}

// '[Type]::Method(...)' or '$value.Method(...)': the grammar's invokation_expression is a target,
// a member_name and an argument_list.
function addMethodCall(found, call) {
    const target = call.namedChildren[0];
    const member = call.namedChildren.find(c => c.type === 'member_name');
    if (!target || !member) {
        return; // only inside an ERROR, which is already reported
    }
    const named = member.namedChildren[0];
    let method = null;
    if (named === undefined || named.type === 'simple_name') {
        method = member.text;
    } else if (named.type === 'string_literal') {
        method = literalValueOf(named.text);
    }
    found.methodCalls.push({
        line: call.startPosition.row + 1,
        column: call.startPosition.column + 1,
        type: target.type === 'type_literal' ? typeNameOf(target) : '',
        method,
        text: excerpt(call.text),
    });
}

// New-Object's type: -TypeName's value or the first positional argument; -ComObject's ProgID.
function addNewObject(found, command) {
    const nameNode = command.childForFieldName('command_name');
    if (nameNode === null || staticNameOf(nameNode)?.toLowerCase() !== 'new-object') {
        return;
    }
    const elements = command.childForFieldName('command_elements');
    const parts = elements ? elements.namedChildren.filter(c => c.type !== 'command_argument_sep') : [];
    let type = null;
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part.type === 'command_parameter') {
            const parameter = part.text.toLowerCase();
            if (parameter.startsWith('-t') || parameter.startsWith('-c')) {
                const value = parts[i + 1];
                type = value && value.type === 'generic_token' ? (parameter.startsWith('-c') ? 'COM:' : '') + value.text : null;
                break;
            }
            i++; // its value
        } else {
            type = part.type === 'generic_token' ? part.text : null;
            break;
        }
    }
    found.newObjects.push({ line: command.startPosition.row + 1, column: command.startPosition.column + 1, type });
}

function typeNameOf(typeLiteral) {
    return typeLiteral.text.replace(/^\[|\]$/g, '').trim();
}

function excerpt(text) {
    const oneLine = text.replace(/\s+/g, ' ');
    return oneLine.length > ERROR_TEXT_LIMIT ? oneLine.slice(0, ERROR_TEXT_LIMIT) + '...' : oneLine;
}

// The name PowerShell will look up, when the text alone decides it; null when it is computed.
function staticNameOf(node) {
    switch (node.type) {
        case 'command_name':
            return node.namedChildCount === 0 ? node.text : null;
        case 'command_name_expr':
            return node.namedChildCount === 1 ? staticNameOf(node.namedChildren[0]) : null;
        case 'path_command_name':
            return node.namedChildren.every(c => c.type === 'path_command_name_token') ? node.text : null;
        case 'string_literal':
            return literalValueOf(node.text);
        default:
            return null;
    }
}

// '& 'Remove-Item'' runs Remove-Item: a quoted name is still a name unless it expands.
function literalValueOf(text) {
    const single = /^'([^']*)'$/.exec(text);
    if (single) {
        return single[1];
    }
    const double = /^"([^"$`]*)"$/.exec(text);
    return double ? double[1] : null;
}

process.exitCode = main(process.argv.slice(2));
