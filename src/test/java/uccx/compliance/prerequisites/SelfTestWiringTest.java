package uccx.compliance.prerequisites;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README's test command is the whole story on a fresh machine: the self-test profile runs
 * {@code system-packages.sh} before anything else of the build, and CI runs that command and nothing
 * else, so that what CI proves is what a reader of the README gets.
 */
class SelfTestWiringTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")))
            .toAbsolutePath().normalize();
    private static final String TEST_COMMAND = "mvn -B -Pself-test verify";

    @Test
    void theSelfTestProfileInstallsWhatIsMissingFirst() throws Exception {
        Document pom = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(PROJECT.resolve("pom.xml").toFile());
        Element profile = profile(pom, "self-test");
        Element execution = execution(profile, "system-packages");

        assertThat(text(execution, "phase")).as("before any compilation, download of Node packages or test").isEqualTo("validate");
        Element exec = (Element) execution.getElementsByTagName("exec").item(0);
        assertThat(exec.getAttribute("executable")).isEqualTo("bash");
        List<String> args = new ArrayList<>();
        NodeList argNodes = exec.getElementsByTagName("arg");
        for (int i = 0; i < argNodes.getLength(); i++) {
            args.add(((Element) argNodes.item(i)).getAttribute("value"));
        }
        assertThat(args).containsExactly("${project.basedir}/" + PROJECT.relativize(SystemPackagesScriptTest.SCRIPT),
                "${self-test.system-packages}");
        assertThat(text(profile, "self-test.system-packages")).isEqualTo("install");
        assertThat(execution.getElementsByTagName("fail").getLength()).as("a failure stops the build").isEqualTo(1);
    }

    @Test
    void ciRunsTheReadmesTestCommandAndNothingElse() throws Exception {
        List<String> commands = Files.readAllLines(PROJECT.resolve(".ci/run")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd ")).toList();

        assertThat(commands).containsExactly(TEST_COMMAND);
        List<String> firstScreen = Files.readAllLines(PROJECT.resolve("README.md")).subList(0, 16);
        assertThat(firstScreen).anyMatch(l -> l.startsWith(TEST_COMMAND + " "));
    }

    private static Element profile(Document pom, String id) {
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (id.equals(childText(profile, "id"))) {
                return profile;
            }
        }
        throw new AssertionError("pom.xml has no profile " + id);
    }

    private static Element execution(Element parent, String id) {
        NodeList executions = parent.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            if (id.equals(childText(execution, "id"))) {
                return execution;
            }
        }
        throw new AssertionError("no execution " + id);
    }

    private static String childText(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && tag.equals(element.getTagName())) {
                return element.getTextContent().strip();
            }
        }
        return "";
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
