package uccx.compliance.collector.clixml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeNamesTest {

    private static final String UNLIMITED = "Deserialized.Microsoft.Exchange.Data.Unlimited`1[[System.Int32, mscorlib, "
            + "Version=2.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]";

    @Test
    void prefixesFromRemotingAndSelectObjectAreIgnoredInEitherOrder() {
        String connector = "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector";
        for (String written : new String[] {connector, "Deserialized." + connector, "Selected." + connector,
                "Deserialized.Selected." + connector, "Selected.Deserialized." + connector}) {
            assertThat(TypeNames.matches(written, connector)).as(written).isTrue();
            assertThat(TypeNames.matches(written, "ReceiveConnector")).as(written).isTrue();
            assertThat(TypeNames.matches(written, "Deserialized." + connector)).as(written).isTrue();
        }
    }

    @Test
    void genericsMatchByTheirNameWithOrWithoutArity() {
        assertThat(TypeNames.matches(UNLIMITED, "Microsoft.Exchange.Data.Unlimited")).isTrue();
        assertThat(TypeNames.matches(UNLIMITED, "Unlimited")).isTrue();
        assertThat(TypeNames.matches(UNLIMITED, "Unlimited`1")).isTrue();
        assertThat(TypeNames.matches(UNLIMITED, "Int32")).as("an argument is not the type").isFalse();
    }

    @Test
    void onlyWholeSegmentsMatch() {
        assertThat(TypeNames.matches("Microsoft.Exchange.Data.Directory.ADObjectId", "ObjectId")).isFalse();
        assertThat(TypeNames.matches("Microsoft.Exchange.Data.Directory.ADObjectId", "Directory.ADObjectId")).isTrue();
        assertThat(TypeNames.matches("Microsoft.Exchange.Data.Directory.ADObjectId", "adobjectid")).isTrue();
        assertThat(TypeNames.matches("System.Object", "")).isFalse();
        assertThat(TypeNames.matches("Outer+Inner", "Inner")).isTrue();
    }
}
