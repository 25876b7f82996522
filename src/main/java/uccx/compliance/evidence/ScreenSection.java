package uccx.compliance.evidence;

import java.nio.file.Path;
import java.util.List;

/**
 * One part of the {@link SummaryScreen}: the lines it shows for a recorded run. A part with nothing to
 * say returns no line. Paths are shown relative to {@code base} (where the build runs) when inside it.
 */
@FunctionalInterface
public interface ScreenSection {

    List<String> lines(RecordedRun run, Path base);
}
