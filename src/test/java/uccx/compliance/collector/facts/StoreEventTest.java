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
    void anotherMailboxIsNotOurs() {
        assertThat(event(DN.replace("UCCX", "Sales"), "session").concerns(DN)).isFalse();
    }

    @Test
    void onlyTheSessionObjectTypeIsTheServiceSessionLimit() {
        assertThat(event(DN, "session").isSessionLimit()).isTrue();
        assertThat(event(DN, "objtMessage").isSessionLimit()).isFalse();
    }
}
