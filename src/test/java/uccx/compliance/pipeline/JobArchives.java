package uccx.compliance.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The artifacts each completed build of one job archived, oldest first: what {@code copyArtifacts}
 * of a later build of the same job reads. A build that archived nothing is kept too (with no files):
 * {@code lastCompleted()} would select it, {@code lastWithArtifacts()} passes over it.
 */
final class JobArchives {

    private final List<Map<String, byte[]>> builds = new ArrayList<>();

    void completed(Map<String, byte[]> archived) {
        builds.add(Map.copyOf(archived));
    }

    /**
     * The build a Copy Artifact selector picks: BuildSelector.getBuild walks the completed builds from
     * the newest (jenkinsci/copyartifact-plugin); LastBuildWithArtifactSelector takes the first with
     * artifacts, LastCompletedBuildSelector the first.
     */
    Optional<Map<String, byte[]>> selected(String selector) {
        for (int i = builds.size() - 1; i >= 0; i--) {
            Map<String, byte[]> build = builds.get(i);
            switch (selector) {
                case "lastCompleted":
                    return Optional.of(build);
                case "lastWithArtifacts":
                    if (!build.isEmpty()) {
                        return Optional.of(build);
                    }
                    break;
                default:
                    throw new UnsupportedOperationException("selector " + selector + " is not modelled");
            }
        }
        return Optional.empty();
    }
}
