package uccx.compliance.architecture.planted.controls;

import uccx.compliance.run.ChecklistControls;

/** Planted: a checklist test class that reaches a package-private class of its room. It has no test and never runs. */
@ChecklistControls
public final class InsiderChecks {

    /** Package-private, as a room's internals are. */
    static final class Internal {
        int judge() {
            return 1;
        }
    }

    int judge() {
        return new Internal().judge();
    }
}
