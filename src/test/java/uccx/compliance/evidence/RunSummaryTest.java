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

    @Test
    void theSummaryNamesItsRunItsSettingsAndWhatChangedSinceTheEarlierRun() throws Exception {
        Instant started = Instant.parse("2026-11-28T02:15:00Z");
        RunSummary summary = new RunSummary("prod", started, List.of("EXC-01", "IMAP-01"));
        summary.add(new ControlResult("IMAP-01", "EXCH02", Outcome.NON_COMPLIANT, "non-compliant",
                List.of(new JudgedSetting("MaxConnections", "at least 2400", "16", false))));
        summary.add(new ControlResult("EXC-01", "EXCH03", Outcome.COMPLIANT, "compliant"));
        summary.compareWith(new Baseline(java.util.Optional.of(new EarlierRun("20261127T021500Z", "prod", List.of(
                new ControlResult("IMAP-01", "EXCH02", Outcome.COMPLIANT, "compliant",
                        List.of(new JudgedSetting("MaxConnections", "at least 2400", "2400", true)))), true)), java.util.Optional.empty()));

        JsonNode json = new ObjectMapper().readTree(summary.write(reports.resolve("prod"), started.plusSeconds(5), 1)
                .resolve("summary.json").toFile());

        org.assertj.core.api.SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(json.path("run").asText()).isEqualTo("20261128T021500Z");
            softly.assertThat(json.path("comparedWith").asText()).isEqualTo("20261127T021500Z");
            softly.assertThat(json.path("results").get(1).path("settings").get(0).toString())
                    .isEqualTo("{\"name\":\"MaxConnections\",\"expected\":\"at least 2400\",\"found\":\"16\",\"complies\":false}");
            softly.assertThat(json.path("changes").toString()).isEqualTo("["
                    + "{\"control\":\"EXC-01\",\"target\":\"EXCH03\",\"from\":null,\"to\":\"compliant\",\"settings\":[]},"
                    + "{\"control\":\"IMAP-01\",\"target\":\"EXCH02\",\"from\":\"compliant\",\"to\":\"non-compliant\","
                    + "\"settings\":[{\"name\":\"MaxConnections\",\"before\":\"2400\",\"after\":\"16\"}]}]");
        });
    }

    @Test
    void withoutAnEarlierRunComparedWithIsNullAndARefusalIsAWarning() throws Exception {
        Instant started = Instant.parse("2026-11-28T02:15:00Z");
        RunSummary first = new RunSummary("prod", started, List.of("EXC-01"));
        RunSummary refused = new RunSummary("lab", started, List.of("EXC-01"));
        refused.compareWith(new Baseline(java.util.Optional.empty(), java.util.Optional.of("No comparison with an earlier run: x")));

        JsonNode a = new ObjectMapper().readTree(first.write(reports.resolve("prod"), started.plusSeconds(5), 1).resolve("summary.json").toFile());
        JsonNode b = new ObjectMapper().readTree(refused.write(reports.resolve("lab"), started.plusSeconds(5), 1).resolve("summary.json").toFile());

        assertThat(a.has("comparedWith")).isTrue();
        assertThat(a.path("comparedWith").isNull()).isTrue();
        assertThat(a.path("changes")).isEmpty();
        assertThat(b.path("comparedWith").isNull()).isTrue();
        assertThat(b.path("warnings")).singleElement().extracting(JsonNode::asText).isEqualTo("No comparison with an earlier run: x");
    }

    @Test
    void aWaiverToRenewIsListedWithItsApproverAndWarned() throws Exception {
        Instant started = Instant.parse("2026-12-03T02:15:00Z");
        RunSummary summary = new RunSummary("prod", started, List.of("IMAP-01"));
        summary.waiverExpiringSoon("IMAP-01", "EXCH02", java.time.LocalDate.parse("2026-12-13"), 10, "J. Auditor", "CHG-1234", "retiring");

        JsonNode json = new ObjectMapper().readTree(summary.write(reports.resolve("prod"), started.plusSeconds(5), 1)
                .resolve("summary.json").toFile());

        assertThat(json.path("waivers").path("expiringSoon").toString()).isEqualTo("[{\"control\":\"IMAP-01\",\"target\":\"EXCH02\","
                + "\"expires\":\"2026-12-13\",\"daysLeft\":10,\"approvedBy\":\"J. Auditor\",\"ticket\":\"CHG-1234\",\"reason\":\"retiring\"}]");
        assertThat(json.path("warnings")).singleElement().extracting(JsonNode::asText).isEqualTo("The waiver of IMAP-01 on EXCH02 "
                + "(ticket CHG-1234, approved by J. Auditor) expires on 2026-12-13, in 10 days: renew it, or the finding returns the night after");
    }

    @Test
    void aLiveResultsTranscriptIsAFileOfTheRunNamedAfterItsControlAndTarget() throws Exception {
        Instant started = Instant.parse("2026-11-26T02:00:00Z");
        RunSummary summary = new RunSummary("lab", started, List.of("LIVE-01", "LIVE-03"));
        summary.add(new ControlResult("LIVE-01", "EXCH01", Outcome.COMPLIANT, "compliant"));
        summary.add(new ControlResult("LIVE-03", "EXCH01\\UCCX Relay", Outcome.COMPLIANT, "compliant"));
        summary.add(new ControlResult("LIVE-03", "EXCH01/UCCX Relay", Outcome.COMPLIANT, "compliant"));
        summary.transcript(new KeptTranscript("LIVE-01", "EXCH01", "S: * OK The Microsoft Exchange IMAP4 service is ready.\n"));
        summary.transcript(new KeptTranscript("LIVE-03", "EXCH01\\UCCX Relay", "S: 220 EXCH01 ready\n"));
        summary.transcript(new KeptTranscript("LIVE-03", "EXCH01/UCCX Relay", "S: 220 another\n"));

        Path run = summary.write(reports.resolve("lab"), started.plusSeconds(5), 1);
        JsonNode json = new ObjectMapper().readTree(run.resolve("summary.json").toFile());

        assertThat(run.resolve("transcripts/LIVE-01-EXCH01.txt")).hasContent("S: * OK The Microsoft Exchange IMAP4 service is ready.");
        String relay = KeptTranscript.pathOf("LIVE-03", "EXCH01\\UCCX Relay");
        String other = KeptTranscript.pathOf("LIVE-03", "EXCH01/UCCX Relay");
        assertThat(relay).as("a file name, and apart from a target that reads the same once made safe")
                .matches("transcripts/LIVE-03-EXCH01_UCCX_Relay-[0-9a-f]{8}\\.txt").isNotEqualTo(other);
        assertThat(run.resolve(relay)).hasContent("S: 220 EXCH01 ready");
        assertThat(run.resolve(other)).hasContent("S: 220 another");
        assertThat(json.path("results").findValuesAsText("transcript")).containsExactlyInAnyOrder("transcripts/LIVE-01-EXCH01.txt", relay, other);
    }
}
