package uccx.compliance.environment;

/**
 * One thing wrong with an environment file, before it is printed as
 * {@code <file>:<line>: <key path>: <problem>}. The message never holds a secret's value.
 */
record Problem(int line, KeyPath path, String message) {

    String format(String file) {
        return file + ":" + line + ": " + path + ": " + message;
    }
}
