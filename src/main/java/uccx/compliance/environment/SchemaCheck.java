package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Checks a file's shape against {@code schema/environment.schema.json}, the same schema editors
 * use, and words each finding for a person fixing the file: the validator's own messages name
 * JSON pointers and JSON types, which an Exchange admin should not have to decode.
 */
final class SchemaCheck {

    static final String RESOURCE = "/schema/environment.schema.json";

    /** Keys whose value is a secret: a finding about them never quotes the value. */
    static final Set<String> SECRET_KEYS = Set.of("password", "trustStorePassword", "keyStorePassword");

    /** Above this many allowed keys, an unknown key's message points to the schema rather than listing them. */
    private static final int MAX_KEYS_LISTED = 20;

    private final JsonNode schemaNode;
    private final Schema schema;

    SchemaCheck() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build lost " + RESOURCE);
            }
            schemaNode = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                // Dates are checked by the loader, with a message that says which format it wants.
                .formatAssertionsEnabled(false)
                .build();
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, registry -> registry.schemaRegistryConfig(config))
                .getSchema(schemaNode);
    }

    /** The schema as a tree, for tests and for anyone who wants its defaults or descriptions. */
    JsonNode schemaNode() {
        return schemaNode.deepCopy();
    }

    /**
     * @param document the file's tree as written (no ${VAR} is resolved into it)
     * @param tree     the file as written, for lines
     */
    List<Problem> check(JsonNode document, YamlTree tree) {
        List<Finding> findings = new ArrayList<>();
        for (Error m : schema.validate(document)) {
            findings.add(translate(m, tree));
        }
        // A value of the wrong type also fails its enum or pattern; the type is the one thing to fix.
        Set<KeyPath> mistyped = findings.stream().filter(f -> f.type.equals("type")).map(f -> f.problem.path())
                .collect(Collectors.toSet());
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : findings) {
            boolean shadowed = mistyped.contains(f.problem.path()) && !f.type.equals("type");
            if (!shadowed && seen.add(f.problem.path() + "\n" + f.problem.message())) {
                problems.add(f.problem);
            }
        }
        return problems;
    }

    private record Finding(String type, Problem problem) {
    }

    private Finding translate(Error m, YamlTree tree) {
        KeyPath at = keyPath(m.getInstanceLocation());
        JsonNode rule = m.getSchemaNode();
        JsonNode owner = schemaParent(m);
        JsonNode value = m.getInstanceNode();
        String type = m.getKeyword();
        return switch (type) {
            case "required" -> {
                KeyPath missing = at.key(m.getProperty());
                yield new Finding(type, new Problem(tree.lineOf(at), missing, "missing required key" + hint(owner.path("properties").path(m.getProperty()))));
            }
            case "additionalProperties" -> {
                KeyPath unknown = at.key(m.getProperty());
                yield new Finding(type, new Problem(tree.lineOf(unknown), unknown, unknownKey(m.getProperty(), owner)));
            }
            default -> new Finding(type, new Problem(tree.lineOf(at), at, valueProblem(type, at, rule, owner, value)));
        };
    }

    private String valueProblem(String type, KeyPath at, JsonNode rule, JsonNode owner, JsonNode value) {
        boolean secret = SECRET_KEYS.contains(at.lastKey());
        String comment = owner.path("$comment").asText("");
        String found = secret ? "" : ", found " + describe(value);
        return switch (type) {
            case "type" -> {
                String wanted = comment.isEmpty() ? "must be " + expected(rule) : comment;
                // A secret's comment already says what to write instead; otherwise only its kind may be shown.
                yield !secret ? wanted + found : comment.isEmpty() ? wanted + ", found " + kindOf(value) : comment;
            }
            case "enum" -> "must be one of " + join(rule) + found + suggestion(value, rule);
            case "pattern" -> (comment.isEmpty() ? "must match " + rule.asText() : comment) + found;
            case "minimum" -> at.startsWith("thresholds")
                    ? value + " is below the checklist's " + rule.asText() + "; may raise a checklist value, not lower it"
                    : "must be at least " + rule.asText() + found;
            case "maximum" -> "must be at most " + rule.asText() + found;
            case "minItems" -> "must list at least " + rule.asInt() + (rule.asInt() == 1 ? " item" : " items") + ", found none";
            case "uniqueItems" -> "lists " + repeated(value) + " more than once";
            case "minLength" -> "must not be empty";
            default -> "does not fit the schema (" + type + ": " + rule + ")";
        };
    }

    /** The schema object that holds the failing keyword, e.g. {@code #/definitions/management} for its additionalProperties. */
    private JsonNode schemaParent(Error m) {
        NodePath fragment = m.getSchemaLocation().getFragment();
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            pointer.append('/').append(fragment.getName(i).replace("~", "~0").replace("/", "~1"));
        }
        return schemaNode.at(pointer.toString());
    }

    private static KeyPath keyPath(NodePath location) {
        KeyPath path = KeyPath.root();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object e = location.getElement(i);
            path = e instanceof Integer index ? path.index(index) : path.key(String.valueOf(e));
        }
        return path;
    }

    private static String unknownKey(String key, JsonNode owner) {
        List<String> allowed = new ArrayList<>();
        owner.path("properties").fieldNames().forEachRemaining(allowed::add);
        if (allowed.isEmpty()) {
            return "unknown key; nothing may be added here";
        }
        String closest = Suggest.closest(key, allowed);
        if (closest != null) {
            return "unknown key; did you mean \"" + closest + "\"?";
        }
        return allowed.size() <= MAX_KEYS_LISTED
                ? "unknown key; allowed here: " + String.join(", ", allowed)
                : "unknown key; none of the " + allowed.size() + " keys allowed here (see " + RESOURCE.substring(1) + ")";
    }

    /** For a missing key, what it may be: the choices of an enum. */
    private static String hint(JsonNode property) {
        return property.has("enum") ? " (one of " + join(property.get("enum")) + ")" : "";
    }

    private static String suggestion(JsonNode value, JsonNode choices) {
        if (!value.isTextual()) {
            return "";
        }
        // Only a difference of case: "2010-SP4" is not a typo of "2010-SP1", and saying so would mislead.
        return StreamSupport.stream(choices.spliterator(), false).map(JsonNode::asText)
                .filter(choice -> choice.equalsIgnoreCase(value.asText()) && !choice.equals(value.asText()))
                .findFirst().map(choice -> "; did you mean \"" + choice + "\"?").orElse("");
    }

    private static String expected(JsonNode type) {
        if (type.isArray()) {
            List<String> kinds = new ArrayList<>();
            type.forEach(t -> kinds.add(article(t.asText())));
            return String.join(" or ", kinds);
        }
        return article(type.asText());
    }

    private static String article(String jsonType) {
        return switch (jsonType) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "a mapping (key: value lines)";
            case "null" -> "null";
            default -> jsonType;
        };
    }

    private static String join(JsonNode values) {
        List<String> v = new ArrayList<>();
        for (Iterator<JsonNode> it = values.elements(); it.hasNext(); ) {
            v.add(it.next().asText());
        }
        return String.join(", ", v);
    }

    /** A value as the file shows it; long text is cut, so that a pasted blob does not flood the build log. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "no value";
        }
        if (value.isTextual()) {
            String t = value.asText();
            return "\"" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "\"";
        }
        return value.isContainerNode() ? kindOf(value) : value.asText();
    }

    private static String repeated(JsonNode list) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : list) {
            if (!seen.add(item)) {
                return describe(item);
            }
        }
        return "a value";
    }

    private static String kindOf(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "no value";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            default -> "a number";
        };
    }
}
