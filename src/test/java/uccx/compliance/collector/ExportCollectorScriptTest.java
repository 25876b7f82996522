package uccx.compliance.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uccx.compliance.environment.EnvironmentLoader;

class ExportCollectorScriptTest {

    private static final Path PROJECT = Path.of(System.getProperty("uccx.projectDir", System.getProperty("user.dir")));

    @Test
    void exportsTheSitesScriptWithoutAnySecretSet() {
        String script = ExportCollectorScript.script(new EnvironmentLoader().loadWithoutSecrets("prod.example", PROJECT, Map.of()));

        assertThat(script).startsWith("#region parameters\r\n")
                .contains("$UccxMailboxServers = @('EXCH01', 'EXCH02')", "$UccxTargetSeconds = 15", "#region fact:throttlingPolicies",
                        "#region end")
                .doesNotContain("not-needed-to-export", "password", "\r\r").doesNotContainPattern("[^\r]\n");
        assertThat(script.replace("\r\n", "\n")).isEqualTo(CollectorScript.bundled().forScope(CollectionScope.of(
                new EnvironmentLoader().loadWithoutSecrets("prod.example", PROJECT, Map.of()))).replace("\r\n", "\n"));
    }
}
