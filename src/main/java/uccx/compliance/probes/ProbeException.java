package uccx.compliance.probes;

/** A probe could not run as configured (e.g. an unreadable trust store); the message never holds a secret. */
final class ProbeException extends Exception {

    private static final long serialVersionUID = 1L;

    ProbeException(String message) {
        super(message);
    }
}
