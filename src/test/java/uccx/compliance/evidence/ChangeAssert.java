package uccx.compliance.evidence;

import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** What a reader of {@code changes} expects of one change: which result, from which outcome to which, which values. */
final class ChangeAssert extends AbstractAssert<ChangeAssert, Change> {

    private ChangeAssert(Change actual) {
        super(actual, ChangeAssert.class);
    }

    static ChangeAssert assertThat(Change change) {
        return new ChangeAssert(change);
    }

    /** @param from null for a new target; @param to null for a vanished one */
    ChangeAssert is(String control, String target, Outcome from, Outcome to) {
        isNotNull();
        if (!actual.control().equals(control) || !actual.target().equals(target) || !actual.from().equals(Optional.ofNullable(from))
                || !actual.to().equals(Optional.ofNullable(to))) {
            failWithMessage("expected %s %s %s -> %s but was %s", control, target, from, to, actual.brief());
        }
        return this;
    }

    /** Exactly these settings, each "name before -> after" with "(none)" where the run did not judge it. */
    ChangeAssert changedSettings(String... expected) {
        isNotNull();
        List<String> found = actual.settings().stream().map(s -> s.name() + " " + s.before().orElse("(none)") + " -> "
                + s.after().orElse("(none)")).toList();
        if (!found.equals(List.of(expected))) {
            failWithMessage("expected settings %s but %s changed %s", List.of(expected), actual.control() + " " + actual.target(), found);
        }
        return this;
    }
}
