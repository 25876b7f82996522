package uccx.compliance.run;

import org.opentest4j.TestAbortedException;

/** A result a valid waiver covers: the test ends here, skipped, and the run records it as waived. */
final class Waived extends TestAbortedException {

    Waived(String waiver) {
        super("waived: " + waiver);
    }
}
