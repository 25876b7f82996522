package uccx.compliance.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which earlier run a run compares itself with: the one {@code -Dcompare} names, else the newest run
 * folder of the same environment. A {@code -Dcompare} that names nothing readable, or a run of another
 * environment, is refused: the run goes on, compared with nothing, and says why (a comparison with the
 * wrong run would show changes that never happened, or hide those that did).
 *
 * @param refusal one line for the run's warnings, when an earlier run was named or found but not used
 */
public record Baseline(Optional<EarlierRun> run, Optional<String> refusal) {

    public static Baseline none() {
        return new Baseline(Optional.empty(), Optional.empty());
    }

    /**
     * @param compare            the {@code -Dcompare} value resolved to a path, if given
     * @param environmentReports {@code reports/<env>}, looked into when {@code compare} is empty; read
     *                           before this run writes its folder, so every folder there is earlier
     */
    public static Baseline choose(Optional<Path> compare, Path environmentReports, String environment) {
        if (compare.isPresent()) {
            return of(compare.get(), environment, "-Dcompare=");
        }
        Optional<Path> newest;
        try {
            newest = EarlierRun.newestIn(environmentReports);
        } catch (IOException e) {
            return refused("the earlier runs in " + environmentReports + " cannot be listed: " + e.getMessage());
        }
        return newest.map(folder -> of(folder, environment, "the earlier run ")).orElse(none());
    }

    /** @param how how the line names the source: EarlierRun's reasons start with the path they are about */
    private static Baseline of(Path source, String environment, String how) {
        try {
            EarlierRun earlier = EarlierRun.read(source);
            if (!earlier.environment().equals(environment)) {
                return refused(how + source + " is a run of environment '" + earlier.environment() + "', not '" + environment + "'");
            }
            return new Baseline(Optional.of(earlier), Optional.empty());
        } catch (IOException e) {
            return refused(how + e.getMessage());
        }
    }

    private static Baseline refused(String why) {
        return new Baseline(Optional.empty(), Optional.of("No comparison with an earlier run: " + why));
    }
}
