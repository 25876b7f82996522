package uccx.compliance.architecture.planted.controls;

import io.qameta.allure.Allure;
import uccx.compliance.run.ChecklistControls;

/** Planted: a checklist test class that writes its own evidence. It has no test and never runs. */
@ChecklistControls
public final class LeakyChecks {
    void judge() {
        Allure.addAttachment("evidence", "written in the test body");
    }
}
