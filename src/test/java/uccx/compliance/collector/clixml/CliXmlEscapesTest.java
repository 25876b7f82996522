package uccx.compliance.collector.clixml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliXmlEscapesTest {

    @Test
    void decodesCrLf() {
        assertThat(CliXmlEscapes.decode("line one_x000D__x000A_line two")).isEqualTo("line one\r\nline two");
    }

    @Test
    void escapedUnderscoreDecodesToTheLiteralEscapeText() {
        assertThat(CliXmlEscapes.decode("_x005F_x000D_")).isEqualTo("_x000D_");
        assertThat(CliXmlEscapes.decode("a_x005F_b")).isEqualTo("a_b");
    }

    @Test
    void leavesTextWithoutCompleteEscapesAlone() {
        assertThat(CliXmlEscapes.decode("HKEY_LOCAL_MACHINE")).isEqualTo("HKEY_LOCAL_MACHINE");
        assertThat(CliXmlEscapes.decode("svc_xuccx")).isEqualTo("svc_xuccx");
        assertThat(CliXmlEscapes.decode("_x00")).isEqualTo("_x00");
        assertThat(CliXmlEscapes.decode("_x00G1_")).isEqualTo("_x00G1_");
        assertThat(CliXmlEscapes.decode("_X000D_")).as("only a lower-case x starts an escape").isEqualTo("_X000D_");
        assertThat(CliXmlEscapes.decode("__x0041_")).isEqualTo("_A");
    }

    @Test
    void acceptsLowerCaseHexAndTheEightDigitForm() {
        assertThat(CliXmlEscapes.decode("_x000d__x000a_")).isEqualTo("\r\n");
        assertThat(CliXmlEscapes.decode("smile _x0001F600_")).isEqualTo("smile \uD83D\uDE00");
    }

    @Test
    void escapedSurrogateHalvesMakeOnePair() {
        assertThat(CliXmlEscapes.decode("_xD83D__xDE00_")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void ignoresNonAsciiDigits() {
        assertThat(CliXmlEscapes.decode("_x\u0663\u0663\u0663\u0663_")).isEqualTo("_x\u0663\u0663\u0663\u0663_");
    }

    @Test
    void encodesWhatPowerShellEncodes() {
        assertThat(CliXmlEscapes.encode("a\r\nb\tc")).isEqualTo("a_x000D__x000A_b_x0009_c");
        assertThat(CliXmlEscapes.encode("_x000D_")).isEqualTo("_x005F_x000D_");
        assertThat(CliXmlEscapes.encode("HKEY_LOCAL_MACHINE")).isEqualTo("HKEY_LOCAL_MACHINE");
        assertThat(CliXmlEscapes.encode("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
        assertThat(CliXmlEscapes.encode("\uD83D")).isEqualTo("_xD83D_");
    }

    @Test
    void encodeThenDecodeIsTheIdentity() {
        String awkward = "C:\\x_x\r\n_x005F_ \u0001 end_x";
        assertThat(CliXmlEscapes.decode(CliXmlEscapes.encode(awkward))).isEqualTo(awkward);
    }
}
