package uccx.compliance.controls;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the whole suite in-process as failsafe runs it, through the JUnit Platform Launcher, so that
 * Allure's listener records it: JUnit's EngineTestKit (what {@link ProofRun} uses) runs engines
 * without the Launcher's listeners, and Allure then sees nothing.
 */
final class AllureRecordedRun {

    private AllureRecordedRun() {
    }

    /**
     * @param results where Allure writes this run's results
     * @return how many tests ran
     */
    static long of(Path environmentFile, Path projectDir, Path reportsDir, Path results) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(ProofRun.CONTROL_CLASSES.stream().map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                .configurationParameters(Map.of("env", environmentFile.toString(), "uccx.projectDir", projectDir.toString(),
                        "uccx.reportsDir", reportsDir.toString()))
                .build();
        // The listener the Launcher loads takes Allure's lifecycle when it is made, so the lifecycle is
        // swapped before and put back after: the surrounding test run keeps writing its own results.
        AllureLifecycle outer = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        try {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create().execute(request, summary);
            return summary.getSummary().getTestsStartedCount();
        } finally {
            Allure.setLifecycle(outer);
        }
    }
}
