package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uccx.compliance.environment.Fixtures.PROJECT;

/** The schema is what editors check against: it must accept what we ship and say what each key is. */
class SchemaTest {

    private final JsonNode schema = new SchemaCheck().schemaNode();

    @ParameterizedTest
    @ValueSource(strings = {"lab.yaml", "prod.example.yaml"})
    void theShippedEnvironmentsFitTheSchemaAsWritten(String file) throws Exception {
        Schema validator;
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
            validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve("environments").resolve(file).toFile());

        assertThat(validator.validate(yaml)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab.yaml", "prod.example.yaml"})
    void theShippedEnvironmentsNameTheSchemaForEditors(String file) throws Exception {
        assertThat(Files.readAllLines(PROJECT.resolve("environments").resolve(file)).get(0))
                .isEqualTo("# yaml-language-server: $schema=../src/main/resources/schema/environment.schema.json");
    }

    @Test
    void anImapFaultIsANameOrARefusalFromTheKthLogin() throws Exception {
        Schema validator;
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
            validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode lab = yaml.readTree(PROJECT.resolve("environments/lab.yaml").toFile());
        java.util.function.Function<String, Integer> errors = fault -> {
            JsonNode variant = lab.deepCopy();
            try {
                ((com.fasterxml.jackson.databind.node.ObjectNode) variant.path("lab")).set("faults", yaml.readTree("imap: " + fault));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return validator.validate(variant).size();
        };

        assertThat(errors.apply("dropAfterLogin")).isZero();
        assertThat(errors.apply("{refuseLoginFrom: 3}")).isZero();
        assertThat(errors.apply("{refuseLoginFrom: 0}")).isPositive();
        assertThat(errors.apply("refuseLoginFrom")).isPositive();
        assertThat(errors.apply("{refuseLoginFrom: 3, also: 1}")).isPositive();
    }

    @Test
    void everyKeyHasADescription() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schema, "#", undescribed);

        assertThat(undescribed).isEmpty();
    }

    @Test
    void thresholdMinimaAreTheChecklistValues() {
        Map<String, Integer> checklist = Thresholds.checklistValues();
        JsonNode properties = schema.at("/properties/thresholds/properties");

        assertThat(properties.size()).isEqualTo(checklist.size());
        checklist.forEach((key, value) -> {
            assertThat(properties.path(key).path("minimum").asInt()).as(key).isEqualTo(value);
            assertThat(properties.path(key).path("default").asInt()).as(key).isEqualTo(value);
        });
    }

    @Test
    void theTimeoutsDefaultsAreTheModelsAndAServersBoundIsShorterThanTheLongestRead() {
        JsonNode timeouts = schema.at("/properties/timeouts/properties");

        assertThat(timeouts.path("readSeconds").path("default").asLong()).isEqualTo(Timeouts.DEFAULT_READ.toSeconds());
        assertThat(timeouts.path("targetSeconds").path("default").asLong()).isEqualTo(Timeouts.DEFAULT_TARGET.toSeconds());
        assertThat(timeouts.path("targetSeconds").path("minimum").asInt()).isEqualTo(1);
        assertThat(timeouts.path("targetSeconds").path("maximum").asInt())
                .isLessThan(timeouts.path("readSeconds").path("maximum").asInt());
    }

    @Test
    void throttlingPoliciesKnowEveryBudgetOfThr02() {
        JsonNode policy = schema.at("/properties/lab/properties/throttlingPolicies/items/properties");

        assertThat(policy.fieldNames()).toIterable().contains("IMAPMaxConcurrency", "IMAPPercentTimeInAD",
                "IMAPPercentTimeInCAS", "IMAPPercentTimeInMailboxRPC", "RCAMaxConcurrency", "RCAPercentTimeInAD",
                "RCAPercentTimeInCAS", "RCAPercentTimeInMailboxRPC", "MessageRateLimit", "RecipientRateLimit",
                "CPUStartPercent", "CPAMaxConcurrency", "CPAPercentTimeInCAS", "CPAPercentTimeInMailboxRPC",
                "EASMaxConcurrency", "OWAMaxConcurrency", "PowerShellMaxConcurrency", "EWSMaxConcurrency");
    }

    private static void collectUndescribed(JsonNode node, String where, List<String> undescribed) {
        JsonNode properties = node.path("properties");
        properties.fields().forEachRemaining(p -> {
            if (!p.getValue().hasNonNull("description")) {
                undescribed.add(where + "/properties/" + p.getKey());
            }
            collectUndescribed(p.getValue(), where + "/properties/" + p.getKey(), undescribed);
        });
        for (String nested : List.of("items", "additionalProperties")) {
            if (node.path(nested).isObject()) {
                collectUndescribed(node.path(nested), where + "/" + nested, undescribed);
            }
        }
        node.path("definitions").fields().forEachRemaining(d -> {
            if (!d.getValue().hasNonNull("description")) {
                undescribed.add(where + "/definitions/" + d.getKey());
            }
            collectUndescribed(d.getValue(), where + "/definitions/" + d.getKey(), undescribed);
        });
    }
}
