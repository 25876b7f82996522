package uccx.compliance.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uccx.compliance.pki.SigningPki;
import uccx.compliance.pki.SigningPki.Entry;
import uccx.compliance.pki.SigningPki.Issued;

/**
 * {@code evidence.signing} as the build's validation step takes it: the shipped template with the
 * signing section it shows, pointed at a PKCS12 file that is wrong in one way. Each is refused with
 * one line naming the file, the line and the key, never the password; a good one is valid and the
 * summary names the signer.
 */
class BadSigningKeysTest {

    private static final Path PROJECT = Fixtures.PROJECT;
    /** Distinctive, so that any echo of it is found. */
    private static final String PASSWORD = "Keystore-Pa55-9321";
    private static final String OTHER_PASSWORD = "Other-Pa55-1123";

    private static SigningPki pki;
    private static Issued signer;

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void issue() {
        pki = SigningPki.create();
        signer = pki.signer("UCCX evidence");
    }

    /**
     * @param name     the case
     * @param keyStore what {@code keyStore:} says; {@code ${EVIDENCE_KEYSTORE}} reads the file the case writes
     * @param write    writes the case's file into the folder given, returns it (or null for none)
     * @param alias    what {@code alias:} says, or null for no alias line
     * @param key      the key the error must name (under evidence.signing)
     * @param fragment a piece of the expected message
     */
    record BadKey(String name, String keyStore, Function<Path, Path> write, String alias, String key, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadKey> badKeys() {
        Instant now = Instant.now();
        return Stream.of(
                new BadKey("missing-file", "certs/evidence.p12", dir -> null, null, "keyStore", "no such file: "),
                new BadKey("variable-names-no-file", "${EVIDENCE_KEYSTORE}", dir -> dir.resolve("gone.p12"), null, "keyStore",
                        "${EVIDENCE_KEYSTORE} names no file"),
                new BadKey("wrong-password", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), OTHER_PASSWORD,
                        List.of(new Entry("signer", signer))), null, "keyStorePassword", "${EVIDENCE_KEYSTORE_PASSWORD} does not open"),
                new BadKey("not-pkcs12", "${EVIDENCE_KEYSTORE}", dir -> text(dir.resolve("k.pem"), "-----BEGIN CERTIFICATE-----\n"),
                        null, "keyStore", "is not a PKCS12 file"),
                new BadKey("no-private-key", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), PASSWORD,
                        List.of(new Entry("ca", new Issued(null, pki.rootCertificate())))), null, "keyStore", "holds no private key"),
                new BadKey("alias-not-found", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), PASSWORD,
                        List.of(new Entry("signer", signer))), "evidence", "alias", "no private key \"evidence\""),
                new BadKey("several-keys-without-alias", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), PASSWORD,
                        List.of(new Entry("old", signer), new Entry("new", pki.signer("UCCX evidence 2")))), null, "keyStore",
                        "holds 2 private keys (new, old): name the one that signs with evidence.signing.alias"),
                new BadKey("expired-certificate", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), PASSWORD,
                        List.of(new Entry("signer", pki.signer("expired", "RSA", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)),
                                Optional.of(KeyPurposeId.id_kp_emailProtection), KeyUsage.digitalSignature)))), null, "keyStore", "expired on"),
                new BadKey("not-yet-valid", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), PASSWORD,
                        List.of(new Entry("signer", pki.signer("early", "RSA", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(40)),
                                Optional.empty(), KeyUsage.digitalSignature)))), null, "keyStore", "is valid only from"),
                new BadKey("dsa-key", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), PASSWORD,
                        List.of(new Entry("signer", pki.signer("dsa", "DSA", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(9)),
                                Optional.empty(), KeyUsage.digitalSignature)))), null, "keyStore", "is DSA: sign with an RSA or EC key"),
                new BadKey("code-signing-only", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), PASSWORD,
                        List.of(new Entry("signer", pki.signer("code", "RSA", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(9)),
                                Optional.of(KeyPurposeId.id_kp_codeSigning), KeyUsage.digitalSignature)))), null, "keyStore",
                        "extendedKeyUsage (codeSigning) lacks emailProtection"),
                new BadKey("encryption-only", "${EVIDENCE_KEYSTORE}", dir -> pki.pkcs12(dir.resolve("k.p12"), PASSWORD,
                        List.of(new Entry("signer", pki.signer("enc", "RSA", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(9)),
                                Optional.empty(), KeyUsage.keyEncipherment)))), null, "keyStore",
                        "neither digitalSignature nor nonRepudiation"),
                new BadKey("ca-limited-to-tls", "${EVIDENCE_KEYSTORE}", dir -> {
                    SigningPki tlsOnly = SigningPki.create(Optional.of(KeyPurposeId.id_kp_serverAuth));
                    return tlsOnly.pkcs12(dir.resolve("k.p12"), PASSWORD, List.of(new Entry("signer", tlsOnly.signer("UCCX evidence"))));
                }, null, "keyStore", "the CA certificate CN=UCCX Test Issuing CA in its chain limits its extendedKeyUsage to serverAuth"),
                new BadKey("variable-unset", "${EVIDENCE_P12}", dir -> null, null, "keyStore",
                        "${EVIDENCE_P12} names an environment variable that is not set; set EVIDENCE_P12 to the PKCS12 file's path"),
                new BadKey("path-around-a-variable", "${EVIDENCE_DIR}/evidence.p12", dir -> null, null, "keyStore",
                        "write the path itself, or ${NAME} alone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badKeys")
    void isRefusedWithOneLineNamingTheKeyNeverThePassword(BadKey bad) throws IOException {
        Path keys = Files.createDirectories(project.resolve("keys"));
        Path file = bad.write().apply(keys);
        int signingLine = write(bad.keyStore(), "${EVIDENCE_KEYSTORE_PASSWORD}", bad.alias());
        Map<String, String> variables = variables(file == null ? keys.resolve("none.p12") : file);
        int line = signingLine + List.of("keyStore", "keyStorePassword", "alias").indexOf(bad.key()) + 1;

        int status = run(variables);

        assertThat(status).as(stderr()).isEqualTo(1);
        List<String> lines = stderr().lines().toList();
        assertThat(lines).as("one error line and the count").hasSize(2);
        assertThat(lines.get(0)).matches(Pattern.quote("environments/site.yaml:" + line + ": evidence.signing." + bad.key() + ": ") + ".+")
                .contains(bad.fragment());
        assertThat(lines.get(1)).startsWith("1 error: ");
        if (bad.keyStore().startsWith("${")) {
            assertThat(stderr()).as("a variable's value is not shown: a mistyped name could be a password's").doesNotContain(keys.toString());
        }
        assertClean();
    }

    @Test
    void aLiteralKeyStorePasswordIsRefused() {
        int signingLine = write("certs/evidence.p12", PASSWORD, null);

        assertThat(run(variables(project.resolve("none.p12")))).isEqualTo(1);

        assertThat(stderr().lines().toList()).first().asString()
                .startsWith("environments/site.yaml:" + (signingLine + 2) + ": evidence.signing.keyStorePassword: a literal password is refused");
        assertClean();
    }

    @Test
    void aGoodKeyIsValidAndTheSummaryNamesTheSigner() {
        Path file = pki.pkcs12(project.resolve("keys/k.p12"), PASSWORD, List.of(new Entry("signer", signer)));
        write("${EVIDENCE_KEYSTORE}", "${EVIDENCE_KEYSTORE_PASSWORD}", null);

        assertThat(run(variables(file))).as(stderr()).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(", evidence signed with \"signer\" (CN=UCCX evidence,"
                + " issued by CN=UCCX Test Issuing CA").contains(" from ${EVIDENCE_KEYSTORE}");
        assertClean();
    }

    @Test
    void aRelativeLiteralPathIsTakenFromTheProjectAndAnAliasChoosesAmongKeys() {
        pki.pkcs12(project.resolve("certs/evidence.p12"), PASSWORD, List.of(new Entry("old", signer),
                new Entry("new", pki.signer("UCCX evidence 2"))));
        write("certs/evidence.p12", "${EVIDENCE_KEYSTORE_PASSWORD}", "new");

        assertThat(run(variables(project.resolve("none.p12")))).as(stderr()).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("evidence signed with \"new\" (CN=UCCX evidence 2,")
                .contains(" from " + project.resolve("certs/evidence.p12"));
    }

    /** The template with its signing section switched on; @return the line of {@code signing:} */
    private int write(String keyStore, String password, String alias) {
        String template = read(PROJECT.resolve("environments/prod.example.yaml"));
        String section = "evidence:\n  signing:\n    keyStore: " + keyStore + "\n    keyStorePassword: " + password + "\n"
                + (alias == null ? "" : "    alias: " + alias + "\n");
        String text = template + "\n" + section;
        text(project.resolve("environments/site.yaml"), text);
        return (int) template.lines().count() + 3;
    }

    private static Map<String, String> variables(Path keyStore) {
        Map<String, String> v = new HashMap<>(Fixtures.VARIABLES);
        v.put("EXCHANGE_AUDIT_PASSWORD", "audit-value");
        v.put("UCCX_MAILBOX_PASSWORD", "uccx-value");
        v.put("EVIDENCE_KEYSTORE", keyStore.toString());
        v.put("EVIDENCE_KEYSTORE_PASSWORD", PASSWORD);
        return v;
    }

    private int run(Map<String, String> variables) {
        return ValidateEnvironment.run(new String[] {"site", project.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), variables);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertClean() {
        String all = out.toString(StandardCharsets.UTF_8) + stderr();
        assertThat(all).doesNotContain(PASSWORD).doesNotContain(OTHER_PASSWORD).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path text(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
