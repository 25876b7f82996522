package uccx.compliance.environment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an environment file into a {@link YamlTree}, token by token, because Jackson's own tree
 * forgets where each value was and every error must name its line. It also refuses what Jackson
 * would accept silently: a duplicate key (the second would win unseen), an alias, a second document.
 */
final class YamlReader {

    /** The tree (absent when the YAML itself is malformed) and what was wrong with the file as YAML. */
    record Result(Optional<YamlTree> tree, List<Problem> problems) {
        Result {
            problems = List.copyOf(problems);
        }
    }

    private final YAMLFactory factory = new YAMLFactory();

    Result read(String text) {
        Walk walk = new Walk();
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            walk.parser = parser;
            if (parser.nextToken() == null) {
                walk.problems.add(new Problem(1, KeyPath.root(),
                        "the file is empty; an environment has at least name:, exchange: and uccx:"));
                return new Result(Optional.empty(), walk.problems);
            }
            walk.lines.put(KeyPath.root(), walk.line());
            JsonNode root = walk.value(KeyPath.root());
            if (parser.nextToken() != null) {
                walk.problems.add(new Problem(walk.line(), KeyPath.root(),
                        "a second YAML document starts here; one file holds one environment"));
            }
            return new Result(Optional.of(new YamlTree(root, walk.lines)), walk.problems);
        } catch (MarkedYAMLException malformed) {
            walk.problems.add(malformed(malformed, text, walk.current));
            return new Result(Optional.empty(), walk.problems);
        } catch (JsonProcessingException malformed) {
            JsonLocation where = malformed.getLocation();
            int line = where != null && where.getLineNr() > 0 ? where.getLineNr() : 1;
            walk.problems.add(new Problem(line, walk.current, "malformed YAML: " + firstLine(malformed.getOriginalMessage())));
            return new Result(Optional.empty(), walk.problems);
        } catch (IOException cannotHappenOnAString) {
            throw new UncheckedIOException(cannotHappenOnAString);
        }
    }

    /**
     * SnakeYAML's problem ("expected ',' or '}', but got }") and its context ("while parsing a
     * flow mapping", with where that began), without the quoted snippet: the snippet is a line of
     * the file, which may be a secret.
     */
    private static Problem malformed(MarkedYAMLException e, String text, KeyPath where) {
        Mark problemMark = e.getProblemMark();
        int line = problemMark != null ? problemMark.getLine() + 1 : 1;
        StringBuilder message = new StringBuilder("malformed YAML: ")
                .append(Optional.ofNullable(e.getProblem()).orElse("cannot be parsed"));
        if (e.getContext() != null) {
            Mark contextMark = e.getContextMark();
            message.append(" (").append(e.getContext())
                    .append(contextMark != null ? " that starts on line " + (contextMark.getLine() + 1) : "").append(')');
            if (message.indexOf("<block end>") >= 0) {
                // SnakeYAML's words for a key indented unlike its siblings.
                message.append("; check this line's indentation against the keys above it");
            } else if (e.getContext().contains("flow") && text.lines().skip(line - 1L).findFirst().orElse("").contains("${")) {
                // The common slip: inside { } or [ ], YAML reads the braces of ${VAR} as its own.
                message.append("; inside { } or [ ], quote a reference: '${VAR}'");
            }
        }
        return new Problem(line, where, message.toString());
    }

    /** The parser's first line states the problem; the lines after it quote the file, which may hold a secret. */
    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end).strip();
    }

    /** The state of one read. */
    private static final class Walk {
        private final Map<KeyPath, Integer> lines = new HashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private YAMLParser parser;
        private KeyPath current = KeyPath.root();

        private int line() {
            return parser.currentTokenLocation().getLineNr();
        }

        /** Reads the value whose first token is the current one. */
        private JsonNode value(KeyPath path) throws IOException {
            current = path;
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            switch (parser.currentToken()) {
                case START_OBJECT: {
                    ObjectNode object = nodes.objectNode();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String key = parser.currentName();
                        KeyPath child = path.key(key);
                        int keyLine = line();
                        parser.nextToken();
                        if (object.has(key)) {
                            problems.add(new Problem(keyLine, child, "duplicate key; the first is on line " + lines.get(child)));
                            // Only the first is kept, so the lines recorded are the first's.
                            parser.skipChildren();
                        } else {
                            lines.put(child, keyLine);
                            object.set(key, value(child));
                        }
                        current = path;
                    }
                    return object;
                }
                case START_ARRAY: {
                    ArrayNode array = nodes.arrayNode();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        KeyPath item = path.index(array.size());
                        lines.put(item, line());
                        array.add(value(item));
                        current = path;
                    }
                    return array;
                }
                case VALUE_STRING:
                    if (parser.isCurrentAlias()) {
                        problems.add(new Problem(line(), path,
                                "YAML aliases (*" + parser.getText() + ") are not supported; write the value out"));
                    }
                    return nodes.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                    return switch (parser.getNumberType()) {
                        case INT -> nodes.numberNode(parser.getIntValue());
                        case LONG -> nodes.numberNode(parser.getLongValue());
                        default -> nodes.numberNode(parser.getBigIntegerValue());
                    };
                case VALUE_NUMBER_FLOAT:
                    return nodes.numberNode(parser.getDecimalValue());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return nodes.booleanNode(parser.getBooleanValue());
                case VALUE_NULL:
                    return nodes.nullNode();
                default:
                    problems.add(new Problem(line(), path, "not a value this file can hold (" + parser.currentToken() + ")"));
                    return nodes.nullNode();
            }
        }
    }
}
