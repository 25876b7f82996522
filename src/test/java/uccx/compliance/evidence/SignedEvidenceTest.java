package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.assertj.core.api.SoftAssertions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uccx.compliance.environment.EvidenceSigning;
import uccx.compliance.environment.Secret;
import uccx.compliance.environment.SigningKey;
import uccx.compliance.environment.SigningKeys;
import uccx.compliance.pki.SigningPki;
import uccx.compliance.pki.SigningPki.Entry;
import uccx.compliance.pki.SigningPki.Issued;

/**
 * A signed run folder, checked the consumer's way: Debian's {@code openssl} with the very command
 * the README gives, then {@code sha256sum -c}. The signature covers the manifest, the manifest
 * covers the files: a byte changed in the manifest fails the first, a byte changed in a listed
 * file fails the second while the first still holds.
 */
class SignedEvidenceTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("basedir", ".")))
            .toAbsolutePath().normalize();

    /** README, Signed evidence: word for word, with the CA file the auditor was given. */
    static final String VERIFY_SIGNATURE = "openssl cms -verify -binary -inform DER -in MANIFEST.sha256.p7s -content MANIFEST.sha256"
            + " -CAfile <ca.pem>";
    static final String VERIFY_FILES = "sha256sum -c MANIFEST.sha256";

    private static final String PASSWORD = "Signing-Pa55-5531";

    @TempDir
    Path work;

    private Path run;
    private Path caPem;
    private SigningPki pki;

    @BeforeEach
    void aRunFolder() throws IOException {
        run = Files.createDirectories(work.resolve("reports/prod/20261203T021500Z"));
        Files.writeString(run.resolve("summary.json"), "{\"environment\":\"prod\",\"outcomes\":{\"compliant\":12}}\n");
        Files.writeString(run.resolve("snapshot.xml"), "#< CLIXML\n<Objs Version=\"1.1.0.1\"></Objs>\n");
        Files.createDirectories(run.resolve("attachments"));
        Files.writeString(run.resolve("attachments/LIVE-01 transcript.txt"), "* OK The Microsoft Exchange IMAP4 service is ready.\n");
        Files.writeString(work.resolve("prod.yaml"), "name: prod\n");
        pki = SigningPki.create();
        caPem = pki.rootPem(work.resolve("uccx-ca.pem"));
    }

    @Test
    void theReadmeGivesTheseCommands() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains(VERIFY_SIGNATURE).contains(VERIFY_FILES);
    }

    @ParameterizedTest(name = "{0} key")
    @ValueSource(strings = {"RSA", "EC"})
    void opensslVerifiesTheSignatureAndSha256sumTheFiles(String algorithm) throws Exception {
        Issued signer = pki.signer("UCCX evidence", algorithm, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(30)),
                Optional.of(KeyPurposeId.id_kp_emailProtection), KeyUsage.digitalSignature);
        Path zip = EvidenceBundle.seal(run, work.resolve("prod.yaml"), "prod", Optional.of(key(signer)));

        ConsumerCheck.assertThat(verifySignature()).succeeds().prints("Verification successful");
        ConsumerCheck.assertThat(ConsumerCheck.run(run, VERIFY_FILES)).succeeds();
        assertThat(entries(zip)).contains("MANIFEST.sha256", "MANIFEST.sha256.p7s", "summary.json")
                .noneMatch(e -> e.endsWith(".p12"));
        assertThat(Files.readString(run.resolve("MANIFEST.sha256"))).doesNotContain("MANIFEST.sha256.p7s");
    }

    @Test
    void sealingAgainWithoutTheKeyLeavesNoSignatureOfTheOlderManifest() throws Exception {
        EvidenceBundle.seal(run, work.resolve("prod.yaml"), "prod", Optional.of(key(pki.signer("UCCX evidence"))));
        Files.writeString(run.resolve("report.html"), "<html></html>");

        Path zip = EvidenceBundle.seal(run, work.resolve("prod.yaml"), "prod", Optional.empty());

        assertThat(run.resolve("MANIFEST.sha256.p7s")).as("a signature openssl would refuse").doesNotExist();
        assertThat(entries(zip)).doesNotContain("MANIFEST.sha256.p7s");
    }

    @Test
    void aByteChangedInTheManifestFailsTheSignature() throws Exception {
        EvidenceBundle.seal(run, work.resolve("prod.yaml"), "prod", Optional.of(key(pki.signer("UCCX evidence"))));
        ConsumerCheck.assertThat(verifySignature()).succeeds();

        flipOneByte(run.resolve("MANIFEST.sha256"));

        ConsumerCheck.assertThat(verifySignature()).fails().prints("Verification failure");
    }

    @Test
    void aByteChangedInAListedFileFailsTheManifestWhileTheSignatureStillHolds() throws Exception {
        EvidenceBundle.seal(run, work.resolve("prod.yaml"), "prod", Optional.of(key(pki.signer("UCCX evidence"))));

        flipOneByte(run.resolve("attachments/LIVE-01 transcript.txt"));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(verifySignature().exit()).as("the signature covers the manifest, which did not change").isZero();
        ConsumerCheck files = ConsumerCheck.run(run, VERIFY_FILES);
        soft.assertThat(files.exit()).as("sha256sum -c").isNotZero();
        soft.assertThat(files.output()).contains("attachments/LIVE-01 transcript.txt: FAILED");
        soft.assertAll();
    }

    @Test
    void theSignatureIsDetachedSha256WithTheChainAndASigningTime() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        Issued signer = pki.signer("UCCX evidence");
        EvidenceBundle.seal(run, work.resolve("prod.yaml"), "prod", Optional.of(key(signer)));

        CMSSignedData signed = new CMSSignedData(Files.readAllBytes(run.resolve("MANIFEST.sha256.p7s")));
        SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(signed.isDetachedSignature()).as("detached").isTrue();
        soft.assertThat(info.getDigestAlgOID()).as("SHA-256").isEqualTo("2.16.840.1.101.3.4.2.1");
        soft.assertThat(signed.getCertificates().getMatches(null)).as("signer, issuing CA, root").hasSize(3);
        soft.assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).as("signing time").isNotNull();
        soft.assertThat(org.bouncycastle.asn1.cms.Time.getInstance(info.getSignedAttributes().get(CMSAttributes.signingTime)
                .getAttrValues().getObjectAt(0)).getDate().toInstant()).isAfter(before);
        soft.assertAll();
    }

    @Test
    void withoutASignerNoSignatureIsWritten() {
        Path zip = EvidenceBundle.seal(run, work.resolve("prod.yaml"), "prod", Optional.empty());

        assertThat(run.resolve("MANIFEST.sha256.p7s")).doesNotExist();
        assertThat(zip).exists();
    }

    private ConsumerCheck verifySignature() throws IOException, InterruptedException {
        return ConsumerCheck.run(run, VERIFY_SIGNATURE.replace("<ca.pem>", caPem.toString()));
    }

    /** The key as a run opens it: from a PKCS12 file, through the environment's own checks. */
    private SigningKey key(Issued signer) throws SigningKeys.Refused {
        Path file = pki.pkcs12(work.resolve("keys/evidence.p12"), PASSWORD, List.of(new Entry("evidence", signer)));
        return SigningKeys.open(new EvidenceSigning(file, file.toString(), new Secret("${EVIDENCE_KEYSTORE_PASSWORD}", PASSWORD),
                Optional.empty()), Instant.now());
    }

    private static void flipOneByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }
}
