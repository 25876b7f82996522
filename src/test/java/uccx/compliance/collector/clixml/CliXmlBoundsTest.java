package uccx.compliance.collector.clixml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** CliXml from a hostile server: no entity is ever expanded, and the values one output may build are bounded. */
class CliXmlBoundsTest {

    private static final String OBJS = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">";

    @Test
    void moreValuesThanTheBoundAreRefusedNamingIt() {
        String output = "#< CLIXML\r\n" + OBJS + "<Nil />".repeat(ValueBudget.MAX_VALUES + 1) + "</Objs>";

        assertThatThrownBy(() -> CliXml.parse(output))
                .isInstanceOf(CliXmlException.class)
                .extracting(e -> ((CliXmlException) e).problem())
                .isEqualTo("more than 1000000 values (the bound on one command's CliXml); nothing more was read");
    }

    @Test
    void theBoundCountsEveryDocumentOfTheOutputAndEveryTypeName() {
        int half = ValueBudget.MAX_VALUES / 2;
        String typeNames = "<Obj RefId=\"0\"><TN RefId=\"0\"><T>A</T><T>B</T></TN></Obj>";
        String output = "#< CLIXML\r\n" + OBJS + "<Nil />".repeat(half) + "</Objs>\r\n" + OBJS + "<Nil />".repeat(half - 2)
                + typeNames + "</Objs>";

        assertThatThrownBy(() -> CliXml.parse(output))
                .isInstanceOf(CliXmlException.class)
                .hasMessageContaining("more than 1000000 values");
    }

    @Test
    void anOutputJustWithinTheBoundIsRead() throws CliXmlException {
        String output = "#< CLIXML\r\n" + OBJS + "<S>x</S>".repeat(ValueBudget.MAX_VALUES) + "</Objs>";

        assertThat(CliXml.parse(output).output()).hasSize(ValueBudget.MAX_VALUES);
    }

    @Test
    void entitiesDeclaredAroundADocumentAreNeverExpanded() {
        // "Billion laughs": ten levels of ten references each would make 10^9 copies of "lol".
        StringBuilder doctype = new StringBuilder("<!DOCTYPE Objs [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            doctype.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        String output = "#< CLIXML\r\n" + doctype + OBJS + "<S>&lol9;</S></Objs>";

        assertThatThrownBy(() -> CliXml.parse(output))
                .isInstanceOf(CliXmlException.class)
                .hasMessageContaining("lol9");
    }

    @Test
    void aDoctypeInsideADocumentIsRefused() {
        String output = "#< CLIXML\r\n<Objs><!DOCTYPE Objs [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><S>&x;</S></Objs>";

        assertThatThrownBy(() -> CliXml.parse(output))
                .isInstanceOf(CliXmlException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }
}
