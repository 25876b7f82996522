package uccx.compliance.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What Allure shows around the results: the categories an auditor sorts by (non-compliant, could
 * not verify, waived), the run's environment (environment, organisation, versions, runner, suite
 * version and commit) and who ran it (executor.json: the Jenkins build, or this runner).
 */
public final class AllureContext {

    private static final String CATEGORIES = """
            [
              {"name": "Non-compliant", "matchedStatuses": ["failed"],
               "description": "The fact was read and violates the control: the message names the setting, expected and found values, and the fix."},
              {"name": "Could not verify", "matchedStatuses": ["broken"],
               "description": "Unreachable, access denied or unreadable: the message names the hop that failed."},
              {"name": "Waived", "matchedStatuses": ["skipped"], "messageRegex": "waived:.*",
               "description": "A valid waiver with its reason, approver, ticket and expiry."},
              {"name": "Not applicable", "matchedStatuses": ["skipped"], "messageRegex": "not-applicable:.*"}
            ]
            """;

    private AllureContext() {
    }

    /** Writes categories.json, environment.properties and executor.json into the Allure results folder. */
    public static void write(Path resultsFolder, Map<String, String> environment, Executor executor) {
        try {
            Files.createDirectories(resultsFolder);
            Files.writeString(resultsFolder.resolve("categories.json"), CATEGORIES);
            Files.writeString(resultsFolder.resolve("environment.properties"), environment.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace("\n", " "))
                    .collect(Collectors.joining("\n", "", "\n")));
            Files.writeString(resultsFolder.resolve("executor.json"), executor.json());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write Allure's context into " + resultsFolder, e);
        }
    }
}
