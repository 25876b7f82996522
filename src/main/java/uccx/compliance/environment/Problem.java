package uccx.compliance.environment;

/**
 * One thing wrong with an environment file, before it is printed as
 * {@code <file>:<line>: <key path>: <problem>}. The message never holds a secret's value.
 */
record Problem(int line, KeyPath path, String message) {

    /** Whether it says a key is missing (the schema's and the rules' wording both start so). */
    boolean isMissingKey() {
        return message.startsWith("missing required key");
    }

    /** Whether it says a key is not one the file may have. */
    boolean isUnknownKey() {
        return message.startsWith("unknown key");
    }

    String format(String file) {
        return file + ":" + line + ": " + path + ": " + message;
    }
}
