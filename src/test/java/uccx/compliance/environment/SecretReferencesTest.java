package uccx.compliance.environment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uccx.compliance.environment.Fixtures.SITE;
import static uccx.compliance.environment.Fixtures.VARIABLES;
import static uccx.compliance.environment.Fixtures.errors;
import static uccx.compliance.environment.Fixtures.load;
import static uccx.compliance.environment.Fixtures.with;

/**
 * A {@code ${VAR}} is resolved only where a secret belongs. Written under any other key it is
 * refused as it stands, in one line naming the key, and the variable's value (which the same
 * Jenkins job may well hold as a password) never appears in a message or a field.
 */
class SecretReferencesTest {

    private static final String NOT_READ = " is not read here: only a secret (keyStorePassword, password, trustStorePassword) comes from an"
            + " environment variable; write the value itself";

    @TempDir
    Path project;

    private static Map<String, String> variablesWith(String name, String value) {
        Map<String, String> vars = new HashMap<>(VARIABLES);
        vars.put(name, value);
        return vars;
    }

    @Test
    void aReferenceInTheNameIsRefusedWithoutBeingRead() {
        List<String> errors = errors(project, with(SITE, "name: site", "name: ${SITE}"), variablesWith("SITE", "paris-v4lue"));

        assertThat(errors).containsExactly("environments/site.yaml:1: name: ${SITE}" + NOT_READ);
        assertThat(String.join("\n", errors)).doesNotContain("v4lue");
    }

    @Test
    void anUnsetOrPartialReferenceIsTheSameOneLine() {
        assertThat(errors(project, with(SITE, "host: exch01.corp.example.com", "host: exch-${N}.corp.example.com")))
                .containsExactly("environments/site.yaml:6: exchange.management.host: ${N}" + NOT_READ);
        assertThat(errors(project, with(SITE, "    port: 5986", "    port: ${WINRM_PORT}")))
                .as("not also 'must be an integer'")
                .containsExactly("environments/site.yaml:7: exchange.management.port: ${WINRM_PORT}" + NOT_READ);
        assertThat(errors(project, with(SITE, "  mailbox: uccx@corp.example.com", "  mailbox: ${A}@${B}")))
                .containsExactly("environments/site.yaml:14: uccx.mailbox: ${A} and ${B} are" + NOT_READ.substring(3));
    }

    @Test
    void aSecretWrittenWhereAHostBelongsNeverReachesAMessage() {
        List<String> errors = errors(project, with(SITE, "imap: {host: mail.corp.example.com, security: starttls}",
                "imap: {host: '${UCCX_PW}', security: starttls}"));

        assertThat(errors).containsExactly("environments/site.yaml:18: imap.host: ${UCCX_PW}" + NOT_READ);
        assertThat(String.join("\n", errors)).doesNotContain("s3cret");
    }

    @Test
    void secretsStillComeFromTheirVariablesAndStayOutOfEveryField() {
        Environment env = load(project, SITE, VARIABLES);

        assertThat(env.exchange().management().password().orElseThrow().reveal()).isEqualTo("audit-s3cret");
        assertThat(env.uccx().password().orElseThrow().reveal()).isEqualTo("uccx-s3cret");
        assertThat(env.toString()).doesNotContain("s3cret");
    }

    @Test
    void aMalformedReferenceInASecretKeyQuotesNothingOfIt() {
        List<String> errors = errors(project, with(SITE, "  password: ${UCCX_PW}", "  password: ${UCCX PW hunter2}"));

        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e).doesNotContain("hunter2"));
    }
}
