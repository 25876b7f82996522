package uccx.compliance.collector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawRecordsTest {

    private static final String OUTPUT = "#< CLIXML\r\n"
            + "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
            + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>Selected.Deserialized.Pop3ImapAdConfiguration</T></TN><MS>"
            + "<S N=\"UccxRecord\">fact</S><S N=\"UccxFact\">imapSettings</S><S N=\"UccxTarget\">EXCH01</S>"
            + "<Obj N=\"MaxConnectionsPerUser\" RefId=\"1\"><ToString>16</ToString></Obj></MS></Obj>"
            + "<Obj RefId=\"2\"><TNRef RefId=\"0\" /><MS>"
            + "<S N=\"UccxRecord\">fact</S><S N=\"UccxFact\">imapSettings</S><S N=\"UccxTarget\">EXCH02</S>"
            + "<Obj N=\"MaxConnectionsPerUser\" RefId=\"3\"><ToString>2400</ToString></Obj></MS></Obj>"
            + "</Objs>\r\n"
            + "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
            + "<Obj RefId=\"0\"><MS><S N=\"Status\">failed</S><S N=\"Message\">a &lt;quoted&gt; &amp; \"odd\" text</S>"
            + "<S N=\"UccxTarget\">exch01\\Client EXCH01</S><S N=\"UccxFact\">receiveConnectors</S><S N=\"UccxRecord\">status</S></MS></Obj>"
            + "<Obj RefId=\"1\"><MS><S N=\"UccxRecord\">status</S><S N=\"UccxFact\">throttlingPolicies</S><S N=\"UccxTarget\" /></MS></Obj>"
            + "</Objs>";

    @Test
    void findsTheRecordsOfOneFactAndTargetExactlyAsWritten() {
        RawRecords records = RawRecords.of(OUTPUT);

        assertThat(records.of(FactName.IMAP_SETTINGS, "exch02")).singleElement().asString()
                .startsWith("<Obj RefId=\"2\"><TNRef RefId=\"0\" />").endsWith("</MS></Obj>").contains("2400").doesNotContain("EXCH01");
        assertThat(records.of(FactName.IMAP_SETTINGS, "EXCH01")).singleElement().asString().contains("<ToString>16</ToString>");
    }

    @Test
    void findsStatusRecordsInLaterDocumentsWithEscapedText() {
        RawRecords records = RawRecords.of(OUTPUT);

        assertThat(records.of(FactName.RECEIVE_CONNECTORS, "EXCH01\\Client EXCH01")).singleElement().asString()
                .contains("<S N=\"Status\">failed</S>");
        assertThat(records.of(FactName.THROTTLING_POLICIES, "")).hasSize(1);
        assertThat(records.of(FactName.THROTTLING_POLICIES)).hasSize(1);
        assertThat(records.of(FactName.MAILBOX, "uccx@example.com")).isEmpty();
    }

    @Test
    void outputThatIsNotCliXmlHasNoRecords() {
        assertThat(RawRecords.of("The term 'Get-ImapSettings' is not recognized").of(FactName.IMAP_SETTINGS)).isEmpty();
        assertThat(RawRecords.of("").of(FactName.IMAP_SETTINGS)).isEmpty();
    }
}
