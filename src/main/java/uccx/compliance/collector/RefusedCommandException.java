package uccx.compliance.collector;

/** A remote command that the runner will not send: it could change a target, or cmd.exe would refuse it. */
public class RefusedCommandException extends IllegalArgumentException {
    public RefusedCommandException(String message) {
        super(message);
    }
}
