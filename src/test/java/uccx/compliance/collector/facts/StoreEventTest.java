package uccx.compliance.collector.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoreEventTest {

    private static final String DN = "/o=First Organization/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=UCCX EmailQ686";

    private static StoreEvent event(String field, String type) {
        return new StoreEvent("EXCH01", Instant.EPOCH, field, "16", type, "");
    }

    @Test
    void matchesTheLegacyExchangeDnCaseInsensitivelyWithOrWithoutAGuidPrefix() {
        assertThat(event(DN, "session").concerns(DN.toUpperCase())).isTrue();
        assertThat(event("c1bc953e-929c-4608-9d03-badcea930d08:" + DN, "session").concerns(DN)).isTrue();
    }

    @Test
    void matchesFromTheFirstOrganisationPartWhateverPrecedesItAndInAnyCase() {
        // As published: "ba765653-...: /o=My Company/..." (a space after the colon), and an upper-case /O=.
        assertThat(event("c1bc953e-929c-4608-9d03-badcea930d08: " + DN, "session").concerns(DN)).isTrue();
        assertThat(event("C1BC953E-929C-4608-9D03-BADCEA930D08: " + DN.replace("/o=", "/O="), "session").concerns(DN)).isTrue();
        assertThat(event("{c1bc953e-929c-4608-9d03-badcea930d08}:" + DN, "session").concerns(DN)).isTrue();
    }

    @Test
    void aFieldWithoutTheDnOrWithALongerDnIsNotOurs() {
        assertThat(event("c1bc953e-929c-4608-9d03-badcea930d08", "session").concerns(DN)).isFalse();
        assertThat(event(DN + "2", "session").concerns(DN)).isFalse();
    }

    @Test
    void anotherMailboxIsNotOurs() {
        assertThat(event(DN.replace("UCCX", "Sales"), "session").concerns(DN)).isFalse();
    }

    @Test
    void onlyTheSessionObjectTypeIsTheServiceSessionLimit() {
        assertThat(event(DN, "session").isSessionLimit()).isTrue();
        assertThat(event(DN, "objtMessage").isSessionLimit()).isFalse();
    }
}
