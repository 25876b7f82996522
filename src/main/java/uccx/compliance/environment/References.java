package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} references to environment variables. A file names a secret but never holds it,
 * and the same file serves every site whose values differ only in their variables.
 */
final class References {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private References() {
    }

    /**
     * What is wrong with the references of a file: a malformed one, an unset variable, an empty
     * secret. Messages name variables, never their values.
     */
    static List<Problem> check(YamlTree tree, Map<String, String> variables) {
        List<Problem> problems = new ArrayList<>();
        walk(tree.root(), KeyPath.root(), (path, text) -> {
            int line = tree.lineOf(path);
            int from = 0;
            int start;
            while ((start = text.indexOf("${", from)) >= 0) {
                Matcher m = REFERENCE.matcher(text).region(start, text.length());
                if (!m.lookingAt()) {
                    problems.add(new Problem(line, path, "malformed reference at \"" + excerpt(text, start, path)
                            + "\"; write ${NAME}, NAME of letters, digits and _"));
                    from = start + 2;
                    continue;
                }
                String name = m.group(1);
                String value = variables.get(name);
                if (value == null) {
                    problems.add(new Problem(line, path, "${" + name + "} names an environment variable that is not set; set "
                            + name + " before running"));
                } else if (value.isEmpty() && SchemaCheck.SECRET_KEYS.contains(path.lastKey())) {
                    problems.add(new Problem(line, path, "${" + name + "} is set but empty; a password cannot be empty"));
                }
                from = m.end();
            }
        });
        return problems;
    }

    /**
     * A copy of the tree with every reference replaced by its variable's value, except under
     * secret keys: those stay {@code ${VAR}}, so that the schema can refuse a literal password and
     * a secret never sits in a tree that might be printed. An unset variable stays as written.
     */
    static JsonNode resolve(JsonNode node, KeyPath path, Map<String, String> variables) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), resolve(e.getValue(), path.key(e.getKey()), variables));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(resolve(node.get(i), path.index(i), variables));
            }
            return copy;
        }
        if (node.isTextual() && !SchemaCheck.SECRET_KEYS.contains(path.lastKey())) {
            return JsonNodeFactory.instance.textNode(resolve(node.asText(), variables));
        }
        return node.deepCopy();
    }

    /** The text with each reference replaced; one whose variable is unset is left as written. */
    static String resolve(String text, Map<String, String> variables) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The variable a whole-value reference names ({@code ${NAME}} and nothing else), or null. */
    static String wholeReference(String text) {
        Matcher m = REFERENCE.matcher(text);
        return m.matches() ? m.group(1) : null;
    }

    private interface TextVisitor {
        void visit(KeyPath path, String text);
    }

    private static void walk(JsonNode node, KeyPath path, TextVisitor visitor) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path.key(e.getKey()), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path.index(i), visitor);
            }
        } else if (node.isTextual()) {
            visitor.visit(path, node.asText());
        }
    }

    /** A few characters from a malformed reference; none from a secret key, which may hold a pasted password. */
    private static String excerpt(String text, int start, KeyPath path) {
        if (SchemaCheck.SECRET_KEYS.contains(path.lastKey())) {
            return "${";
        }
        return text.substring(start, Math.min(text.length(), start + 20));
    }
}
