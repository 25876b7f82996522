package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.EnvironmentLoader;
import uccx.compliance.environment.SigningKey;
import uccx.compliance.environment.SigningKeys;
import uccx.compliance.pki.SigningPki;
import uccx.compliance.proofs.LabVariant;
import uccx.compliance.proofs.ReportedRun;

/**
 * A signing site's run as the build makes it: the run seals and signs its evidence, then the
 * report joins the bundle, which changes the manifest. The signature the auditor checks must be of
 * that final manifest, with the README's command.
 */
@Tag("proof")
class SignedReportTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));
    private static final Path ALLURE_HOME = Path.of(System.getProperty("allure.home", PROJECT.resolve("target/allure-2.34.0").toString()));
    private static final String NAME = "signed-report";
    private static final String PASSWORD = "Report-Signing-7702";

    @TempDir
    Path work;

    @Test
    void theManifestThatListsTheReportIsSignedAgainAndVerifiesWithTheReadmesCommand() throws Exception {
        assertThat(new AllureCli(ALLURE_HOME).whatIsMissing()).as("the Allure command line (mvn generate-test-resources unpacks it)").isEmpty();
        SigningPki pki = SigningPki.create();
        Path keyStore = pki.pkcs12(work.resolve("keys/evidence.p12"), PASSWORD, List.of(new SigningPki.Entry("evidence", pki.signer("UCCX evidence"))));
        Path caPem = pki.rootPem(work.resolve("uccx-ca.pem"));
        LabVariant variant = LabVariant.ofCompliantLab(PROJECT);
        variant.change(root -> root.putObject("evidence").putObject("signing").put("keyStore", "${EVIDENCE_KEYSTORE}")
                .put("keyStorePassword", "${EVIDENCE_KEYSTORE_PASSWORD}"));
        Path environmentFile = variant.writeTo(PROJECT.resolve("target/proof-environments"), NAME);
        Map<String, String> variables = Map.of("EVIDENCE_KEYSTORE", keyStore.toString(), "EVIDENCE_KEYSTORE_PASSWORD", PASSWORD);
        Path reports = work.resolve("reports");
        Path results = work.resolve("allure-results");

        ReportedRun.of(environmentFile, PROJECT, reports, results, Map.of("uccx.variables", String.join(",", variables.keySet()),
                "uccx.variable.EVIDENCE_KEYSTORE", keyStore.toString(), "uccx.variable.EVIDENCE_KEYSTORE_PASSWORD", PASSWORD));
        Environment environment = new EnvironmentLoader().load(environmentFile.toString(), PROJECT, variables);
        SigningKey key = SigningKeys.open(environment.signing().orElseThrow(), Instant.now());
        AllureReport.Published published = new AllureReport(new AllureCli(ALLURE_HOME))
                .publish(results, reports.resolve(NAME), NAME, environmentFile, Optional.of(key));

        Path run = published.runFolder();
        assertThat(Files.readString(run.resolve(EvidenceBundle.MANIFEST))).as("the manifest lists the report").contains("  report.html\n");
        ConsumerCheck.assertThat(ConsumerCheck.run(run, SignedEvidenceTest.VERIFY_SIGNATURE.replace("<ca.pem>", caPem.toString())))
                .succeeds().prints("Verification successful");
        ConsumerCheck.assertThat(ConsumerCheck.run(run, SignedEvidenceTest.VERIFY_FILES)).succeeds();
    }
}
