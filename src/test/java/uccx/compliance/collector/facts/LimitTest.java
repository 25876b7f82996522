package uccx.compliance.collector.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LimitTest {

    @ParameterizedTest
    @ValueSource(strings = {"unlimited", "Unlimited", "UNLIMITED", " unlimited "})
    void unlimitedInAnyLetterCaseSatisfiesAnyThreshold(String text) {
        Limit limit = Limit.parse(text);
        assertThat(limit.isUnlimited()).isTrue();
        assertThat(limit.isAtLeast(Long.MAX_VALUE)).isTrue();
        assertThat(limit).hasToString("unlimited");
    }

    @Test
    void numbersCompareAsNumbers() {
        assertThat(Limit.parse("2400").isAtLeast(2400)).isTrue();
        assertThat(Limit.parse("2,399").isAtLeast(2400)).isFalse();
        assertThat(Limit.parse("16")).hasToString("16");
    }

    @Test
    void anythingElseIsNotALimit() {
        assertThatThrownBy(() -> Limit.parse("lots")).hasMessageContaining("'lots' is neither a number nor unlimited");
        assertThatThrownBy(() -> Limit.parse(null)).hasMessageContaining("no value");
    }
}
