package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * An environment file parsed into a Jackson tree, with the line each key (or list item) starts on,
 * so that the schema's and the rules' findings can name a line.
 */
record YamlTree(JsonNode root, Map<KeyPath, Integer> lines) {

    YamlTree {
        lines = Map.copyOf(lines);
    }

    /** The line of that key, or of its nearest ancestor that the file has (a missing key is reported at its parent). */
    int lineOf(KeyPath path) {
        KeyPath p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isRoot()) {
                return 1;
            }
            p = p.parent();
        }
    }

    /** The node at that path, or a missing node. */
    JsonNode at(KeyPath path) {
        JsonNode n = root;
        for (Object e : path.elements()) {
            n = e instanceof Integer i ? n.path(i) : n.path((String) e);
        }
        return n;
    }
}
