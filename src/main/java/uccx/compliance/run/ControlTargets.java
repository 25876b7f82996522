package uccx.compliance.run;

import java.util.Collection;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import uccx.compliance.controls.Control;

/**
 * The targets a control test runs on, each named as the result is: the control's ID and title
 * from its declaration and the target ({@code @ParameterizedTest(name = "{0}")} shows the name; the
 * test receives the target).
 */
public final class ControlTargets {

    private ControlTargets() {
    }

    public static Stream<Named<String>> of(Control control, Collection<String> targets) {
        return targets.stream().map(target -> Named.of(control.on(target), target));
    }
}
