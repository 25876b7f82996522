package uccx.compliance.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.environment.Secret;
import uccx.compliance.probes.CredentialGuard;
import uccx.compliance.probes.UccxCredentials;

/** The memory of refused passwords: salted slow hashes, never a password; a changed password is not in it; unreadable is said. */
class RefusedCredentialsFileTest {

    private static final String WRONG = "Autumn2026!";

    @TempDir
    Path reports;

    private static UccxCredentials uccx(String password) {
        return new UccxCredentials("LAB\\uccx", new Secret("${UCCX_PASSWORD}", password));
    }

    @Test
    void aRefusedPasswordIsKeptAsASaltedSlowHashAndFoundByTheNextRun() throws Exception {
        RefusedCredentialsFile.in(reports).remember(uccx(WRONG), "20261128T021500Z");

        String text = Files.readString(reports.resolve("refused-credentials.json"));
        assertThat(text).doesNotContain(WRONG).doesNotContainIgnoringCase("password\"");
        JsonNode entry = new ObjectMapper().readTree(text).path("refused").get(0);
        assertThat(entry.path("account").asText()).isEqualTo("LAB\\uccx");
        assertThat(entry.path("run").asText()).isEqualTo("20261128T021500Z");
        assertThat(entry.path("kdf").asText()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(entry.path("iterations").asInt()).isGreaterThanOrEqualTo(600_000);

        RefusedCredentialsFile next = RefusedCredentialsFile.in(reports);
        assertThat(next.unreadable()).isEmpty();
        assertThat(next.refusedIn(uccx(WRONG))).contains("20261128T021500Z");
        assertThat(next.refusedIn(uccx("Winter2026!"))).as("a changed password").isEmpty();
        assertThat(next.refusedIn(new UccxCredentials("LAB\\other", new Secret("x", WRONG)))).as("another account").isEmpty();
    }

    @Test
    void theSamePasswordRefusedTwiceGetsTwoSalts() throws Exception {
        RefusedCredentialsFile memory = RefusedCredentialsFile.in(reports);
        memory.remember(uccx(WRONG), "20261128T021500Z");
        memory.remember(uccx(WRONG), "20261129T021500Z");

        JsonNode refused = new ObjectMapper().readTree(reports.resolve("refused-credentials.json").toFile()).path("refused");
        assertThat(refused).hasSize(2);
        assertThat(refused.get(0).path("salt")).isNotEqualTo(refused.get(1).path("salt"));
        assertThat(refused.get(0).path("hash")).isNotEqualTo(refused.get(1).path("hash"));
        // The newest refusal is the one named.
        assertThat(RefusedCredentialsFile.in(reports).refusedIn(uccx(WRONG))).contains("20261129T021500Z");
    }

    @Test
    void noFileIsASiteWithNoRefusal() {
        RefusedCredentialsFile memory = RefusedCredentialsFile.in(reports);
        assertThat(memory.unreadable()).isEmpty();
        assertThat(memory.refusedIn(uccx(WRONG))).isEmpty();
    }

    @Test
    void anUnreadableFileStopsThePasswordAndIsNotOverwritten() throws Exception {
        Files.writeString(reports.resolve("refused-credentials.json"), "{\"refused\": [ {\"account\": \"LAB\\\\uccx\" ");
        RefusedCredentialsFile memory = RefusedCredentialsFile.in(reports);

        assertThat(memory.unreadable()).get().asString().contains("refused-credentials.json could not be read");
        CredentialGuard guard = new CredentialGuard("20261203T021500Z", memory);
        assertThat(guard.withheld(uccx(WRONG))).get().extracting(CredentialGuard.Withheld::reason)
                .isEqualTo(CredentialGuard.Reason.MEMORY_UNREADABLE);
        assertThat(guard.standing(uccx(WRONG))).isEqualTo(new CredentialGuard.Standing(CredentialGuard.State.NOT_TRIED, Optional.empty()));

        Files.writeString(reports.resolve("refused-credentials.json"), "{\"refused\": [{\"account\": \"LAB\\\\uccx\"}]}");
        assertThat(RefusedCredentialsFile.in(reports).unreadable()).get().asString().contains("not a refused credential");
    }
}
