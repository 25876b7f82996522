package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureContextTest {

    @TempDir
    Path results;

    @Test
    void writesTheCategoriesAnAuditorSortsByAndTheRunsEnvironment() throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("environment", "prod");
        environment.put("management", "WinRM https://exch01:5986/wsman as audit@CORP (Kerberos)");
        AllureContext.write(results, environment, new Executor(Map.of(), "20261126T220000Z", 1_795_000_000L));

        var categories = new ObjectMapper().readTree(results.resolve("categories.json").toFile());
        assertThat(categories.findValuesAsText("name")).containsExactly("Non-compliant", "Could not verify", "Waived", "Not applicable");
        assertThat(Files.readString(results.resolve("environment.properties")))
                .isEqualTo("environment=prod\nmanagement=WinRM https://exch01:5986/wsman as audit@CORP (Kerberos)\n");
    }

    @Test
    void underJenkinsTheExecutorIsTheBuildWhoseNumberOrdersTheTrend() throws Exception {
        Map<String, String> jenkins = Map.of("JENKINS_URL", "https://ci.example/", "JOB_NAME", "uccx/prod", "BUILD_NUMBER", "42",
                "BUILD_URL", "https://ci.example/job/uccx/job/prod/42/");
        AllureContext.write(results, Map.of("environment", "prod"), new Executor(jenkins, "20261126T020000Z", 1L));

        var executor = new ObjectMapper().readTree(results.resolve("executor.json").toFile());
        assertThat(executor.path("type").asText()).isEqualTo("jenkins");
        assertThat(executor.path("buildOrder").asLong()).isEqualTo(42);
        assertThat(executor.path("buildName").asText()).isEqualTo("uccx/prod #42");
        assertThat(executor.path("buildUrl").asText()).isEqualTo("https://ci.example/job/uccx/job/prod/42/");
        assertThat(executor.path("reportUrl").asText()).isEqualTo("https://ci.example/job/uccx/job/prod/42/allure/");
    }

    @Test
    void outsideJenkinsTheExecutorIsThisRunnerOrderedByTheRunsStart() throws Exception {
        AllureContext.write(results, Map.of("environment", "lab"), new Executor(Map.of("BUILD_NUMBER", "7"), "20261126T220000Z", 1_795_000_000L));

        var executor = new ObjectMapper().readTree(results.resolve("executor.json").toFile());
        assertThat(executor.path("type").asText()).isEqualTo("maven");
        assertThat(executor.path("buildName").asText()).isEqualTo("run 20261126T220000Z");
        assertThat(executor.path("buildOrder").asLong()).isEqualTo(1_795_000_000L);
        assertThat(executor.has("buildUrl")).isFalse();
    }
}
