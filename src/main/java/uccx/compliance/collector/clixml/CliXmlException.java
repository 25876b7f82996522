package uccx.compliance.collector.clixml;

/**
 * The text is not CliXml that can be read: malformed or truncated XML, a dangling reference, an
 * element CliXml does not have. The message says where (line and column of the whole output,
 * counting the {@code #< CLIXML} line) and what, never the content.
 */
public class CliXmlException extends Exception {

    private final int line;
    private final int column;
    private final String problem;

    public CliXmlException(int line, int column, String problem) {
        super("CliXml is malformed at line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public CliXmlException(int line, int column, String problem, Throwable cause) {
        this(line, column, problem);
        initCause(cause);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
