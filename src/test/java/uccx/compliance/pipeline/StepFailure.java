package uccx.compliance.pipeline;

/**
 * A step that failed, as Jenkins signals it: an exception that ends the enclosing block (the rest of
 * a {@code steps}, a {@code post} condition or a {@code catchError} body) until something catches it.
 */
final class StepFailure extends RuntimeException {

    StepFailure(String message) {
        super(message, null, false, false);
    }
}
