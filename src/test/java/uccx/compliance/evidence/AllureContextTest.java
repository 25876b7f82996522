package uccx.compliance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureContextTest {

    @TempDir
    Path results;

    @Test
    void writesTheCategoriesAnAuditorSortsByAndTheRunsEnvironment() throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("environment", "prod");
        environment.put("management", "WinRM https://exch01:5986/wsman as audit@CORP (Kerberos)");
        AllureContext.write(results, environment);

        var categories = new ObjectMapper().readTree(results.resolve("categories.json").toFile());
        assertThat(categories.findValuesAsText("name")).containsExactly("Non-compliant", "Could not verify", "Waived", "Not applicable");
        assertThat(Files.readString(results.resolve("environment.properties")))
                .isEqualTo("environment=prod\nmanagement=WinRM https://exch01:5986/wsman as audit@CORP (Kerberos)\n");
    }
}
