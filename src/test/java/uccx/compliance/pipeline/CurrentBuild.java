package uccx.compliance.pipeline;

import java.util.List;

/**
 * Stand-in for {@code currentBuild}. Like Jenkins, a result can only get worse: one site's
 * UNSTABLE does not hide another's FAILURE, whichever cell finishes last.
 */
public final class CurrentBuild {

    private static final List<String> BETTER_TO_WORSE = List.of("SUCCESS", "UNSTABLE", "FAILURE");

    private String result;

    /** null until a step sets one: Jenkins then reports SUCCESS. */
    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        if (!BETTER_TO_WORSE.contains(result)) {
            throw new IllegalArgumentException("not a build result: " + result);
        }
        if (this.result == null || BETTER_TO_WORSE.indexOf(result) > BETTER_TO_WORSE.indexOf(this.result)) {
            this.result = result;
        }
    }
}
