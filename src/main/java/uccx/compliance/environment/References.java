package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${VAR}} references to environment variables, read only where a secret belongs
 * ({@link SchemaCheck#SECRET_KEYS}): a file names a secret but never holds it. Anywhere else a
 * reference is refused as it stands, never resolved, so that a variable's value (which may well be
 * a password, set in the same Jenkins job) can never reach a host name, a report folder, a
 * message or a field.
 */
final class References {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** {@code evidence.signing.keyStore}: a path, which may be given as ${VAR} alone (see {@link #pathReference}). */
    static final KeyPath SIGNING_KEY_STORE = KeyPath.root().key("evidence").key("signing").key("keyStore");

    private References() {
    }

    /**
     * What is wrong with the references of a file: one outside a secret key, a malformed one, an
     * unset variable, an empty secret. Messages name variables, never their values.
     */
    static List<Problem> check(YamlTree tree, Map<String, String> variables) {
        List<Problem> problems = new ArrayList<>();
        walk(tree.root(), KeyPath.root(), (path, text) -> {
            if (!text.contains("${")) {
                return;
            }
            int line = tree.lineOf(path);
            if (path.equals(SIGNING_KEY_STORE)) {
                pathReference(line, path, text, variables).ifPresent(problems::add);
                return;
            }
            if (!SchemaCheck.SECRET_KEYS.contains(path.lastKey())) {
                problems.add(new Problem(line, path, notASecretKey(text)));
                return;
            }
            int from = 0;
            int start;
            while ((start = text.indexOf("${", from)) >= 0) {
                Matcher m = REFERENCE.matcher(text).region(start, text.length());
                if (!m.lookingAt()) {
                    problems.add(new Problem(line, path, "malformed reference at \"${\"; write ${NAME}, NAME of letters, digits and _"));
                    from = start + 2;
                    continue;
                }
                String name = m.group(1);
                String value = variables.get(name);
                if (value == null) {
                    problems.add(new Problem(line, path, "${" + name + "} names an environment variable that is not set; set "
                            + name + " before running"));
                } else if (value.isEmpty()) {
                    problems.add(new Problem(line, path, "${" + name + "} is set but empty; a password cannot be empty"));
                }
                from = m.end();
            }
        });
        return problems;
    }

    /**
     * The one path that may come from a variable: Jenkins' certificate binding writes the key store
     * to a temporary file and gives only its path, in a variable (credentials-binding-plugin,
     * CertificateMultiBinding: keystoreVariable). Its value is a path, not a secret, but it is not
     * shown either: a name mistyped for a password's variable must not print the password.
     */
    private static java.util.Optional<Problem> pathReference(int line, KeyPath path, String text, Map<String, String> variables) {
        String name = wholeReference(text);
        if (name == null) {
            return java.util.Optional.of(new Problem(line, path, "write the path itself, or ${NAME} alone naming the variable that holds it"));
        }
        String value = variables.get(name);
        if (value == null) {
            return java.util.Optional.of(new Problem(line, path, "${" + name + "} names an environment variable that is not set; set "
                    + name + " to the PKCS12 file's path (in Jenkins: the certificate binding's keystoreVariable)"));
        }
        if (value.isBlank()) {
            return java.util.Optional.of(new Problem(line, path, "${" + name + "} is set but empty; it must hold the PKCS12 file's path"));
        }
        try {
            java.nio.file.Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.of(new Problem(line, path, "${" + name + "} does not hold a file path"));
        }
        return java.util.Optional.empty();
    }

    /** The refusal of a reference outside a secret key: it names the variables written, never reads them. */
    private static String notASecretKey(String text) {
        List<String> named = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            named.add(m.group());
        }
        String what = named.isEmpty() ? "\"${\"" : String.join(" and ", named);
        return what + (named.size() > 1 ? " are" : " is") + " not read here: only a secret (" + String.join(", ",
                SchemaCheck.SECRET_KEYS.stream().sorted().toList()) + ") comes from an environment variable; write the value itself";
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
}
