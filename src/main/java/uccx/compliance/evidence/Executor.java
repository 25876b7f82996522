package uccx.compliance.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Who ran the suite, as Allure's {@code executor.json} says it: the Jenkins build (its number
 * orders the trend, its URL leads back to the log) when Jenkins runs it, else this runner.
 *
 * @param variables the process environment (Jenkins sets JENKINS_URL, BUILD_NUMBER, BUILD_URL, JOB_NAME)
 */
public record Executor(Map<String, String> variables, String runId, long startedEpochSeconds) {

    public String json() {
        ObjectNode executor = new ObjectMapper().createObjectNode();
        Optional<String> jenkins = variable("JENKINS_URL");
        if (jenkins.isPresent()) {
            String job = variable("JOB_NAME").orElse("uccx-exchange-compliance");
            String number = variable("BUILD_NUMBER").orElse("0");
            executor.put("name", "Jenkins").put("type", "jenkins").put("url", jenkins.get())
                    .put("buildName", job + " #" + number).put("buildOrder", parse(number));
            variable("BUILD_URL").ifPresent(url -> executor.put("buildUrl", url).put("reportUrl", url + "allure/"));
        } else {
            executor.put("name", "Maven on " + Runner.hostName()).put("type", "maven")
                    .put("buildName", "run " + runId).put("buildOrder", startedEpochSeconds);
        }
        executor.put("reportName", "UCCX email on Exchange 2010: compliance");
        return executor.toPrettyString();
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
