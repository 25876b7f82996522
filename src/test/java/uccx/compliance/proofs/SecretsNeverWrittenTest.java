package uccx.compliance.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.pki.SigningPki;
import uccx.compliance.secrets.PrintedOutput;
import uccx.compliance.secrets.SecretSearch;

/**
 * No password ever leaves the process: runs the suite against the lab with passwords the test
 * knows (the audit account's over WinRM Basic, the UCCX account's over IMAP, a right one and a
 * wrong one), then searches every file under reports/ (inside the evidence zips too), every
 * Allure result and attachment, and everything the run printed, for each password in plain text
 * and inside any Base64 token (a Basic header, an AUTHENTICATE PLAIN payload, a LOGIN literal).
 * The first run also signs its evidence with a PKCS12 key: its password is searched for as well,
 * and neither the key store nor the private key in it may be copied anywhere.
 *
 * <p>Jenkins also publishes {@code target/failsafe-reports}: failsafe's XML holds every test's
 * name, failure message and stack trace, what it printed, and the JVM's system properties. The
 * runs here write the same through the JUnit Platform's own XML writer (the format failsafe's
 * follows) with the output captured per test, and those files are searched too. The Kerberos path
 * (the audit account's password to a KDC) is searched in the same way by
 * {@code KerberosSecretsTest}, which needs the test KDC's JVM.
 */
@Tag("proof")
class SecretsNeverWrittenTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @TempDir
    Path reports;

    @TempDir
    Path results;

    /** Where the signing key lives, outside the project and the reports, as Jenkins' binding puts it. */
    @TempDir
    Path keys;

    /** The run's JUnit XML, as failsafe writes target/failsafe-reports/ (which Jenkins publishes). */
    @TempDir
    Path junitXml;

    @Test
    void noPasswordIsWrittenAnywhereNotEvenEncoded() throws Exception {
        String seed = "Kn0wn-" + UUID.randomUUID().toString().substring(0, 8);
        String auditPassword = seed + "-audit";
        String uccxPassword = seed + "-uccx";
        String wrongPassword = seed + "-wrong";
        LabVariant lab = LabVariant.ofCompliantLab(PROJECT);
        // non-compliant, so messages, transcripts and remediation are written too
        ((ObjectNode) lab.server("EXCH01").get("imapSettings")).put("MaxConnectionsPerUser", 1);
        // the audit account's password also travels to the WinRM server, for the second hop
        lab.lab().put("delegation", "untrusted");
        lab.change(root -> ((ObjectNode) root.get("exchange").get("management")).put("secondHop", "credential"));
        // and it signs its evidence: the key store's password is a secret, and the key store stays where it is
        String keyStorePassword = seed + "-keystore";
        SigningPki pki = SigningPki.create();
        SigningPki.Issued signer = pki.signer("UCCX evidence");
        Path keyStore = pki.pkcs12(keys.resolve("evidence.p12"), keyStorePassword, List.of(new SigningPki.Entry("evidence", signer)));
        lab.change(root -> root.putObject("evidence").putObject("signing").put("keyStore", "${EVIDENCE_KEYSTORE}")
                .put("keyStorePassword", "${EVIDENCE_KEYSTORE_PASSWORD}"));
        Path rightEnvironment = lab.writeTo(PROJECT.resolve("target/proof-environments"), "secrets-right-password");
        LabVariant wrong = LabVariant.ofCompliantLab(PROJECT);
        wrong.change(root -> ((ObjectNode) root.get("uccx")).put("password", "${UCCX_TEST_PASSWORD}"));
        Path wrongEnvironment = wrong.writeTo(PROJECT.resolve("target/proof-environments"), "secrets-wrong-password");

        String printed = PrintedOutput.of(() -> {
            ReportedRun.of(rightEnvironment, PROJECT, reports, results,
                    Map.of("uccx.lab.knownPasswords", auditPassword + "," + uccxPassword,
                            "uccx.variables", "EVIDENCE_KEYSTORE,EVIDENCE_KEYSTORE_PASSWORD",
                            "uccx.variable.EVIDENCE_KEYSTORE", keyStore.toString(),
                            "uccx.variable.EVIDENCE_KEYSTORE_PASSWORD", keyStorePassword), junitXml.resolve("right"));
            ReportedRun.of(wrongEnvironment, PROJECT, reports, results, Map.of("uccx.lab.knownPasswords", auditPassword + "," + uccxPassword,
                    "uccx.variables", "UCCX_TEST_PASSWORD", "uccx.variable.UCCX_TEST_PASSWORD", wrongPassword), junitXml.resolve("wrong"));
        });

        List<Written> written = new ArrayList<>(filesUnder(reports));
        written.addAll(filesUnder(results));
        List<Written> xml = filesUnder(junitXml);
        assertThat(xml).as("JUnit XML of both runs: each test case, its messages, what it printed, the JVM's properties")
                .allMatch(w -> w.text().contains("<properties>")).filteredOn(w -> w.text().contains("<testcase")).hasSize(2)
                .anyMatch(w -> w.text().contains("<failure"));
        written.addAll(xml);
        written.add(new Written("what the run printed", printed));
        assertThat(written).as("the runs wrote reports, Allure results and a log").hasSizeGreaterThan(20)
                .anyMatch(w -> w.text().contains("NO AUTHENTICATE failed."))
                .anyMatch(w -> w.text().contains("LIVE-01 non-compliant") || w.text().contains("\"non-compliant\""));
        for (String password : List.of(auditPassword, uccxPassword, wrongPassword, keyStorePassword)) {
            assertThat(written).as("where %s could have leaked", password).noneMatch(w -> SecretSearch.reveals(w.text(), password));
        }
        assertThat(written).as("the signing run signed its manifest, in its folder and its zip")
                .anyMatch(w -> w.where().endsWith("/MANIFEST.sha256.p7s")).anyMatch(w -> w.where().endsWith("!MANIFEST.sha256.p7s"));
        String keyStoreBytes = new String(Files.readAllBytes(keyStore), StandardCharsets.ISO_8859_1);
        String privateKey = new String(signer.key().getEncoded(), StandardCharsets.ISO_8859_1);
        assertThat(written).as("no copy of the key store, nor of the key in it, plain or Base64")
                .noneMatch(w -> w.where().endsWith(".p12"))
                .noneMatch(w -> w.text().contains(keyStoreBytes))
                .noneMatch(w -> SecretSearch.reveals(w.text(), privateKey));
    }

    private record Written(String where, String text) {
    }

    private static List<Written> filesUnder(Path root) throws IOException {
        List<Written> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().endsWith(".zip")) {
                    found.addAll(zipEntries(file));
                } else {
                    found.add(new Written(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
                }
            }
        }
        return found;
    }

    private static List<Written> zipEntries(Path zip) throws IOException {
        List<Written> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream archive = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = archive.getNextEntry()) != null) {
                entries.add(new Written(zip + "!" + entry.getName(), new String(archive.readAllBytes(), StandardCharsets.ISO_8859_1)));
            }
        }
        return entries;
    }
}
