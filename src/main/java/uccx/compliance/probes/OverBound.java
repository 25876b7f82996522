package uccx.compliance.probes;

import java.io.IOException;

/**
 * The server sent more than a probe reads: a line, or lines of one reply, beyond the bound. The
 * probe stops reading and the control could not verify; its message names the bound.
 */
final class OverBound extends IOException {

    OverBound(String message) {
        super(message);
    }
}
