package uccx.compliance.collector.clixml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CliXmlParserTest {

    private static final String OBJS = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">";

    /** What powershell.exe -OutputFormat XML writes around one document. */
    private static String clixml(String content) {
        return "#< CLIXML\r\n" + OBJS + content + "</Objs>";
    }

    private static PsValue only(String content) throws CliXmlException {
        CliXmlDocument document = CliXml.parse(clixml(content));
        assertThat(document.output()).hasSize(1);
        return document.output().get(0);
    }

    @Test
    void emptyOutputHasNoObjects() throws CliXmlException {
        for (String empty : new String[] {"", "\r\n", "#< CLIXML\r\n", "#< CLIXML\r\n" + OBJS.replace(">", " />"),
                "#< CLIXML\r\n" + OBJS + "</Objs>", "\uFEFF" + OBJS + "</Objs>\r\n"}) {
            CliXmlDocument document = CliXml.parse(empty);
            assertThat(document.output()).as(empty).isEmpty();
            assertThat(document.errors()).isEmpty();
            assertThat(document.otherStreams()).isEmpty();
        }
    }

    @Test
    void textThatIsNotCliXmlIsRefusedRatherThanReadAsNothing() {
        assertThatThrownBy(() -> CliXml.parse("#< CLIXML\r\n  The term 'Get-ImapSettings' is not recognized"))
                .isInstanceOf(CliXmlException.class)
                .hasMessage("CliXml is malformed at line 2, column 3: no <Objs> document: the output is not CliXml")
                .satisfies(e -> assertThat(((CliXmlException) e).line()).isEqualTo(2));
    }

    @Test
    void severalDocumentsWithTextBetweenAreReadInOrderEachWithItsOwnRefIds() throws CliXmlException {
        String first = OBJS + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>First</T></TN><ToString>one</ToString></Obj></Objs>";
        String second = OBJS + "<Obj RefId=\"0\"><TN RefId=\"0\"><T>Second</T></TN><ToString>two</ToString></Obj>"
                + "<Obj RefId=\"1\"><TNRef RefId=\"0\" /><ToString>three</ToString></Obj><Ref RefId=\"0\" /></Objs>";
        String output = "#< CLIXML\r\n" + first + "\r\n\r\n#< CLIXML\r\nstray text\r\n" + second + "\r\n";

        CliXmlDocument document = CliXml.parse(output);

        assertThat(document.output()).extracting(PsValue::text).containsExactly("one", "two", "three", "two");
        assertThat(((PsObject) document.output().get(2)).typeNames()).containsExactly("Second");
        assertThat(document.output().get(3)).isSameAs(document.output().get(1));
    }

    @Test
    void malformedXmlNamesLineAndColumnOfTheWholeOutput() {
        String output = "#< CLIXML\r\n" + OBJS + "\r\n<Obj RefId=\"0\">\r\n  <S N=\"Name\">x</Obj>\r\n</Objs>";

        assertThatThrownBy(() -> CliXml.parse(output))
                .isInstanceOf(CliXmlException.class)
                .satisfies(e -> {
                    CliXmlException x = (CliXmlException) e;
                    assertThat(x.line()).isEqualTo(4);
                    assertThat(x.column()).isBetween(17, 22);
                    assertThat(x.problem()).contains("\"S\"");
                    assertThat(x.getMessage()).startsWith("CliXml is malformed at line 4, column ");
                });
    }

    @Test
    void aColumnOnTheDocumentsFirstLineCountsFromTheStartOfThatLine() {
        // the document starts after 5 characters of garbage on line 3
        String output = "#< CLIXML\r\n\r\nxxxxx" + OBJS + "<Obj><Bogus /></Obj></Objs>";

        assertThatThrownBy(() -> CliXml.parse(output))
                .isInstanceOf(CliXmlException.class)
                .satisfies(e -> {
                    CliXmlException x = (CliXmlException) e;
                    assertThat(x.line()).isEqualTo(3);
                    assertThat(x.column()).isEqualTo(5 + OBJS.length() + "<Obj><Bogus />".length() + 1);
                    assertThat(x.problem()).isEqualTo("<Bogus> is not a CliXml element");
                });
    }

    @Test
    void anErrorInTheSecondDocumentIsPlacedInTheWholeOutput() {
        String output = "#< CLIXML\r\n" + OBJS + "<S>fine</S></Objs>\r\n#< CLIXML\r\n" + OBJS + "<S>bad</I32></Objs>";

        assertThatThrownBy(() -> CliXml.parse(output))
                .isInstanceOf(CliXmlException.class)
                .satisfies(e -> assertThat(((CliXmlException) e).line()).isEqualTo(4));
    }

    @Test
    void truncatedOutputIsMalformedAtItsEnd() {
        String output = "#< CLIXML\r\n" + OBJS + "\r\n<Obj RefId=\"0\"><TN RefId=\"0\"><T>Deserialized.X</T></TN>\r\n<MS><S N=\"Na";

        assertThatThrownBy(() -> CliXml.parse(output))
                .isInstanceOf(CliXmlException.class)
                .satisfies(e -> assertThat(((CliXmlException) e).line()).isEqualTo(4));
        assertThatThrownBy(() -> CliXml.parse("#< CLIXML\r\n" + OBJS + "<S>cut"))
                .isInstanceOf(CliXmlException.class)
                .hasMessageStartingWith("CliXml is malformed at line 2, column");
    }

    @Test
    void danglingReferencesAreMalformed() {
        assertThatThrownBy(() -> CliXml.parse(clixml("<Obj RefId=\"0\"><TNRef RefId=\"7\" /></Obj>")))
                .isInstanceOf(CliXmlException.class)
                .hasMessageContaining("<TNRef RefId=\"7\"/> refers to a type list no earlier <TN> defined");
        assertThatThrownBy(() -> CliXml.parse(clixml("<Ref RefId=\"3\" />")))
                .isInstanceOf(CliXmlException.class)
                .hasMessageContaining("<Ref RefId=\"3\"/> refers to an object no earlier <Obj> defined");
    }

    @Test
    void otherStructuralMistakesAreMalformed() {
        assertThatThrownBy(() -> CliXml.parse(clixml("<Obj><MS><S>no name</S></MS></Obj>")))
                .isInstanceOf(CliXmlException.class).hasMessageContaining("<S> without its N attribute");
        assertThatThrownBy(() -> CliXml.parse(clixml("<Obj><I32>1</I32><S>2</S></Obj>")))
                .isInstanceOf(CliXmlException.class).hasMessageContaining("an <Obj> with two values");
        assertThatThrownBy(() -> CliXml.parse(clixml("<Obj>text<ToString>x</ToString></Obj>")))
                .isInstanceOf(CliXmlException.class).hasMessageContaining("text where CliXml has only elements");
        assertThatThrownBy(() -> CliXml.parse(clixml("<DCT><En><S N=\"Value\">v</S></En></DCT>")))
                .isInstanceOf(CliXmlException.class).hasMessageContaining("without a Key");
    }

    @Test
    void doctypesAndEntitiesAreRefusedAndNothingIsFetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Objs [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + OBJS + "<S>&xxe;</S></Objs>";
        assertThatThrownBy(() -> CliXml.parse(xxe))
                .isInstanceOf(CliXmlException.class)
                .hasMessageContaining("xxe")
                .hasMessageNotContaining("root:");
        String inside = OBJS + "<!DOCTYPE Objs [<!ENTITY a \"aaaaaaaaaa\">]><S>&a;</S></Objs>";
        assertThatThrownBy(() -> CliXml.parse(inside)).isInstanceOf(CliXmlException.class);
    }

    @Test
    void hostileNestingIsRefusedWithoutExhaustingTheStack() {
        String deep = "<LST>".repeat(5000) + "</LST>".repeat(5000);
        assertThatThrownBy(() -> CliXml.parse(clixml(deep)))
                .isInstanceOf(CliXmlException.class).hasMessageContaining("nested more than");
    }

    @Test
    void escapesAreDecodedInStringsToStringPropertyAndTypeNames() throws CliXmlException {
        PsObject object = (PsObject) only("<Obj RefId=\"0\"><TN RefId=\"0\"><T>Odd_x005F_xName</T></TN>"
                + "<ToString>a_x000D__x000A_b</ToString><MS>"
                + "<S N=\"Line_x000A_Break\">one_x0009_two</S>"
                + "<S N=\"Literal\">_x005F_x000D_</S>"
                + "<URI N=\"Uri\">http://exch01/owa?a_x005F_x=1</URI>"
                + "</MS></Obj>");

        assertThat(object.typeNames()).containsExactly("Odd_xName");
        assertThat(object.text()).isEqualTo("a\r\nb");
        assertThat(object.property("Line\nBreak").orElseThrow().text()).isEqualTo("one\ttwo");
        assertThat(object.property("Literal").orElseThrow().text()).isEqualTo("_x000D_");
        assertThat(object.property("Uri").orElseThrow().text()).isEqualTo("http://exch01/owa?a_x=1");
    }

    @Test
    void primitivesKeepTheirTagAndReadAsTheirType() throws CliXmlException {
        PsObject o = (PsObject) only("<Obj><MS>"
                + "<I64 N=\"I64\">-9000000000</I64><U64 N=\"U64\">18446744073709551615</U64>"
                + "<I16 N=\"I16\">-3</I16><U16 N=\"U16\">65535</U16><SB N=\"SB\">-8</SB><By N=\"By\">255</By>"
                + "<Db N=\"Db\">1.5E+20</Db><Db N=\"Inf\">INF</Db><Sg N=\"Sg\">0.25</Sg><D N=\"D\">79228162514264337593543950335</D>"
                + "<TS N=\"TS\">P1DT2H3M4.5S</TS><G N=\"G\">75d6aeb5-cd4a-4c58-ab2c-76304ea198ab</G>"
                + "<Version N=\"Version\">2.0</Version><C N=\"C\">92</C><BA N=\"BA\">AAEC/w==</BA>"
                + "<DT N=\"Utc\">2010-06-01T10:00:00.1234567Z</DT><DT N=\"Unspecified\">2010-06-01T10:00:00</DT>"
                + "<XD N=\"XD\">&lt;a&gt;x_x000A_&lt;/a&gt;</XD><SBK N=\"SBK\">Get-Mailbox | Select Name</SBK>"
                + "<B N=\"B\">true</B>"
                + "</MS></Obj>");

        assertThat(o.property("I64").flatMap(PsValue::primitive).orElseThrow().asLong()).isEqualTo(-9_000_000_000L);
        PsPrimitive u64 = o.property("U64").flatMap(PsValue::primitive).orElseThrow();
        assertThat(u64.asDecimal()).isEqualTo(new BigDecimal("18446744073709551615"));
        assertThatThrownBy(u64::asLong).isInstanceOf(IllegalStateException.class).hasMessageContaining("<U64>");
        assertThat(o.property("I16").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(-3);
        assertThat(o.property("U16").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(65535);
        assertThat(o.property("SB").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(-8);
        assertThat(o.property("By").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(255);
        assertThat(o.property("Db").flatMap(PsValue::primitive).orElseThrow().asDouble()).isEqualTo(1.5e20);
        assertThat(o.property("Inf").flatMap(PsValue::primitive).orElseThrow().asDouble()).isInfinite();
        assertThat(o.property("Sg").flatMap(PsValue::primitive).orElseThrow().asDouble()).isEqualTo(0.25);
        assertThat(o.property("D").flatMap(PsValue::primitive).orElseThrow().asDecimal())
                .isEqualTo(new BigDecimal("79228162514264337593543950335"));
        assertThat(o.property("TS").flatMap(PsValue::primitive).orElseThrow().asDuration())
                .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusMillis(4500));
        assertThat(o.property("G").flatMap(PsValue::primitive).orElseThrow().asUuid())
                .isEqualTo(UUID.fromString("75d6aeb5-cd4a-4c58-ab2c-76304ea198ab"));
        assertThat(o.property("Version").orElseThrow().text()).isEqualTo("2.0");
        assertThat(o.property("C").flatMap(PsValue::primitive).orElseThrow().asChar()).isEqualTo('\\');
        assertThat(o.property("BA").flatMap(PsValue::primitive).orElseThrow().asBytes()).containsExactly(0, 1, 2, 255);
        assertThat(o.property("Utc").flatMap(PsValue::primitive).orElseThrow().asInstant())
                .isEqualTo(Instant.parse("2010-06-01T10:00:00.1234567Z"));
        PsPrimitive unspecified = o.property("Unspecified").flatMap(PsValue::primitive).orElseThrow();
        assertThat(unspecified.asLocalDateTime()).isEqualTo(LocalDateTime.parse("2010-06-01T10:00:00"));
        assertThatThrownBy(unspecified::asInstant).isInstanceOf(IllegalStateException.class).hasMessageContaining("time zone");
        assertThat(o.property("XD").orElseThrow().text()).isEqualTo("<a>x\n</a>");
        assertThat(o.property("SBK").orElseThrow().text()).isEqualTo("Get-Mailbox | Select Name");
        assertThat(o.property("B").flatMap(PsValue::primitive).orElseThrow().asBoolean()).isTrue();
    }

    @Test
    void aValueOfTheWrongShapeSaysSoWithoutFailingTheParse() throws CliXmlException {
        PsPrimitive unlimited = (PsPrimitive) only("<S>unlimited</S>");
        assertThatThrownBy(unlimited::asLong)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("<S> 'unlimited' is not a whole number");
        assertThat(((PsPrimitive) only("<I32>not a number</I32>")).text()).isEqualTo("not a number");
    }

    @Test
    void secureStringsStayOpaque() throws CliXmlException {
        PsPrimitive secret = (PsPrimitive) only("<SS>01000000d08c9ddf0115d1118c7a00c04fc297eb</SS>");

        assertThat(secret.isSecureString()).isTrue();
        assertThat(secret.text()).isEqualTo("System.Security.SecureString");
        assertThat(secret.toString()).doesNotContain("01000000d08c9ddf");
        assertThatThrownBy(secret::asBytes).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("0100");
    }

    @Test
    void dictionariesReadKeysCaseInsensitively() throws CliXmlException {
        PsObject table = (PsObject) only("<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Collections.Hashtable</T><T>System.Object</T></TN>"
                + "<DCT><En><S N=\"Key\">LogName</S><S N=\"Value\">Application</S></En>"
                + "<En><S N=\"Key\">Id</S><I32 N=\"Value\">9646</I32></En>"
                + "<En><S N=\"Key\">Level</S><Nil N=\"Value\" /></En></DCT></Obj>");

        PsDictionary dictionary = (PsDictionary) table.baseValue().orElseThrow();
        assertThat(dictionary.get("logname").orElseThrow().text()).isEqualTo("Application");
        assertThat(dictionary.get("Id").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(9646);
        assertThat(dictionary.get("Level")).contains(PsNull.NULL);
        assertThat(dictionary.get("Missing")).isEmpty();
        assertThat(table.texts()).containsExactly("LogName=Application", "Id=9646", "Level=");
    }

    @Test
    void aStringWithNotePropertiesIsAnObjectWrappingTheString() throws CliXmlException {
        PsObject line = (PsObject) only("<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.String</T><T>System.Object</T></TN>"
                + "<ToString>EXCH01</ToString><S>EXCH01</S><MS><S N=\"PSComputerName\">EXCH01</S></MS></Obj>");

        assertThat(line.text()).isEqualTo("EXCH01");
        assertThat(line.primitive()).contains(PsPrimitive.string("EXCH01"));
        assertThat(line.property("PSComputerName").orElseThrow().text()).isEqualTo("EXCH01");
        assertThat(line.isTypeOf("String")).isTrue();
    }

    @Test
    void propsAndMemberSetMergeFirstNameWinning() throws CliXmlException {
        PsObject o = (PsObject) only("<Obj><Props><S N=\"Name\">adapted</S><I32 N=\"Count\">1</I32></Props>"
                + "<MS><S N=\"name\">note</S><S N=\"Extra\">e</S></MS></Obj>");

        assertThat(o.properties().keySet()).containsExactly("Name", "Count", "Extra");
        assertThat(o.property("NAME").orElseThrow().text()).isEqualTo("adapted");
        assertThat(o.text()).isEqualTo("@{Name=adapted; Count=1; Extra=e}");
    }

    @Test
    void aReferenceToAnEnclosingObjectGetsWhatIsKnownOfIt() throws CliXmlException {
        PsObject parent = (PsObject) only("<Obj RefId=\"0\"><TN RefId=\"0\"><T>Node</T></TN><ToString>root</ToString>"
                + "<Props><Obj N=\"Child\" RefId=\"1\"><TNRef RefId=\"0\" /><ToString>leaf</ToString>"
                + "<Props><Ref N=\"Parent\" RefId=\"0\" /></Props></Obj></Props></Obj>");

        PsValue back = parent.property("Child").orElseThrow().property("Parent").orElseThrow();
        assertThat(back.text()).isEqualTo("root");
        assertThat(back.isTypeOf("Node")).isTrue();
    }

    @Test
    void otherStreamsAreKeptApartFromOutput() throws CliXmlException {
        String progress = "<Obj S=\"progress\" RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T>"
                + "<T>System.Object</T></TN><MS><I64 N=\"SourceId\">1</I64><PR N=\"Record\"><AV>Preparing modules for first use.</AV>"
                + "<AI>0</AI><Nil /><PI>-1</PI><PC>-1</PC><T>Completed</T><SR>-1</SR><SD> </SD></PR></MS></Obj>";
        CliXmlDocument document = CliXml.parse(clixml(progress
                + "<S S=\"warning\">The command completed successfully but no settings of 'UCCX' have been modified.</S>"
                + "<S S=\"verbose\">Searching for mailboxes</S>"
                + "<S S=\"Output\">fact</S><S>another fact</S>"));

        assertThat(document.output()).extracting(PsValue::text).containsExactly("fact", "another fact");
        assertThat(document.otherStreams()).extracting(PsStreamItem::stream).containsExactly("Progress", "Warning", "Verbose");
        assertThat(document.warnings())
                .containsExactly("The command completed successfully but no settings of 'UCCX' have been modified.");
        PsValue record = document.otherStreams().get(0).value().property("Record").orElseThrow();
        assertThat(record.isTypeOf("ProgressRecord")).isTrue();
        assertThat(record.property("Activity").orElseThrow().text()).isEqualTo("Preparing modules for first use.");
        assertThat(record.property("RecordType").orElseThrow().text()).isEqualTo("Completed");
        assertThat(record.property("CurrentOperation")).contains(PsNull.NULL);
        assertThat(record.property("PercentComplete").flatMap(PsValue::primitive).orElseThrow().asInt()).isEqualTo(-1);
    }

    @Test
    void errorLinesAndErrorObjectsKeepTheirOrder() throws CliXmlException {
        CliXmlDocument document = CliXml.parse(clixml(
                "<S S=\"Error\">first failure_x000D__x000A_</S>"
                        + "<S>between</S>"
                        + "<S S=\"Error\">Get-Item : Cannot find path 'C:\\nope' because it does not exist._x000D__x000A_</S>"
                        + "<S S=\"Error\">At line:1 char:9_x000D__x000A_</S>"
                        + "<S S=\"Error\">+ Get-Item &lt;&lt;&lt;&lt;  C:\\nope_x000D__x000A_</S>"
                        + "<S S=\"Error\">    + CategoryInfo          : ObjectNotFound: (C:\\nope:String) [Get-Item], ItemNotFoundException_x000D__x000A_</S>"
                        + "<S S=\"Error\">    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand_x000D__x000A_</S>"
                        + "<S S=\"Error\"> _x000D__x000A_</S>"));

        assertThat(document.output()).extracting(PsValue::text).containsExactly("between");
        assertThat(document.errors()).containsExactly(
                new PsError("", "first failure", "", ""),
                new PsError("PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand",
                        "Cannot find path 'C:\\nope' because it does not exist.",
                        "ObjectNotFound: (C:\\nope:String) [Get-Item], ItemNotFoundException",
                        "C:\\nope"));
    }

    @Test
    void anErrorRecordInTheOutputStreamIsStillAnError() throws CliXmlException {
        CliXmlDocument document = CliXml.parse(clixml("<Obj RefId=\"0\"><TN RefId=\"0\">"
                + "<T>Deserialized.System.Management.Automation.ErrorRecord</T><T>Deserialized.System.Object</T></TN>"
                + "<ToString>Access is denied.</ToString><MS><Nil N=\"Exception\" />"
                + "<S N=\"FullyQualifiedErrorId\">AccessDenied</S><I32 N=\"ErrorCategory_Category\">18</I32>"
                + "<S N=\"ErrorCategory_Message\">PermissionDenied: (:) [], UnauthorizedAccessException</S></MS></Obj>"));

        assertThat(document.output()).isEmpty();
        assertThat(document.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("Access is denied.");
            assertThat(error.categoryName()).isEqualTo("PermissionDenied");
            assertThat(error.hasErrorId("AccessDenied")).isTrue();
        });
    }

    @Test
    void aLargeOutputIsReadInOnePass() throws CliXmlException {
        StringBuilder big = new StringBuilder("#< CLIXML\r\n").append(OBJS);
        big.append("<Obj RefId=\"0\"><TN RefId=\"0\"><T>Deserialized.Selected.X</T></TN><MS><S N=\"Name\">c0</S></MS></Obj>");
        for (int i = 1; i < 50_000; i++) {
            big.append("<Obj RefId=\"").append(i).append("\"><TNRef RefId=\"0\" /><MS><S N=\"Name\">c").append(i)
                    .append("</S><I32 N=\"MaxInboundConnectionPercentagePerSource\">").append(i % 100).append("</I32></MS></Obj>");
        }
        big.append("</Objs>");

        CliXmlDocument document = CliXml.parse(big.toString());

        assertThat(document.output()).hasSize(50_000);
        assertThat(document.output().get(49_999).property("Name").orElseThrow().text()).isEqualTo("c49999");
    }
}
