package uccx.compliance.run;

import io.qameta.allure.Epic;
import io.qameta.allure.Link;
import io.qameta.allure.Links;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of control tests: the suite's extension, the report's epic and the two sources
 * every control comes from (Cisco's checklist and Microsoft's KB 980049).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ComplianceRun.class)
@Epic("UCCX email on Exchange 2010")
@Links({
        @Link(name = "Cisco tech note 117589: UCCX email and Exchange 2010 throttling policies",
                url = "https://www.cisco.com/c/en/us/support/docs/customer-collaboration/unified-contact-center-express/117589-technote-uccx-00.html"),
        @Link(name = "Microsoft KB 980049: Maximum Allowed Service Sessions Per User", url = "https://support.microsoft.com/kb/980049")
})
public @interface ChecklistControls {
}
