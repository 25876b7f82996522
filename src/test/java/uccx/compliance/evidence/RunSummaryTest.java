package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {

    @TempDir
    Path reports;

    @Test
    void aWarningAboutTheRunItselfIsInTheSummaryAndAnEmptyListWhenThereIsNone() throws Exception {
        Instant started = Instant.parse("2026-11-26T02:00:00Z");
        RunSummary weak = new RunSummary("prod", started, List.of("EXC-01"));
        weak.warn("WinRM over plain HTTP (https: false)");
        RunSummary fine = new RunSummary("lab", started, List.of("EXC-01"));

        JsonNode warned = new ObjectMapper().readTree(weak.write(reports.resolve("prod"), started.plusSeconds(5), 1)
                .resolve("summary.json").toFile());
        JsonNode quiet = new ObjectMapper().readTree(fine.write(reports.resolve("lab"), started.plusSeconds(5), 1)
                .resolve("summary.json").toFile());

        assertThat(warned.path("warnings")).hasSize(1);
        assertThat(warned.path("warnings").get(0).asText()).isEqualTo("WinRM over plain HTTP (https: false)");
        assertThat(quiet.path("warnings").isArray()).isTrue();
        assertThat(quiet.path("warnings")).isEmpty();
    }

    @Test
    void theCredentialsStateIsInTheSummaryWithItsRunOrNull() throws Exception {
        Instant started = Instant.parse("2026-11-28T02:15:00Z");
        RunSummary refused = new RunSummary("prod", started, List.of("LIVE-01"));
        refused.credentials("uccx", "refused", refused.runId());
        RunSummary unused = new RunSummary("lab", started, List.of("LIVE-01"));
        unused.credentials("uccx", "not-used", null);

        JsonNode a = new ObjectMapper().readTree(refused.write(reports.resolve("prod"), started.plusSeconds(5), 1)
                .resolve("summary.json").toFile());
        JsonNode b = new ObjectMapper().readTree(unused.write(reports.resolve("lab"), started.plusSeconds(5), 1)
                .resolve("summary.json").toFile());

        assertThat(refused.runId()).isEqualTo("20261128T021500Z");
        assertThat(a.path("credentials").path("uccx").path("state").asText()).isEqualTo("refused");
        assertThat(a.path("credentials").path("uccx").path("since").asText()).isEqualTo("20261128T021500Z");
        assertThat(b.path("credentials").path("uccx").path("state").asText()).isEqualTo("not-used");
        assertThat(b.path("credentials").path("uccx").path("since").isNull()).isTrue();
    }
}
