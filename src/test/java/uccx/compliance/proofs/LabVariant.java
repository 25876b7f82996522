package uccx.compliance.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A lab environment that differs from the compliant {@code environments/lab.yaml} by one
 * deliberate violation, written to a file so that it can be read like any environment.
 */
public final class LabVariant {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectNode root;

    private LabVariant(ObjectNode root) {
        this.root = root;
    }

    public static LabVariant ofCompliantLab(Path projectDir) {
        try {
            return new LabVariant((ObjectNode) YAML.readTree(projectDir.resolve("environments/lab.yaml").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LabVariant change(Consumer<ObjectNode> violation) {
        violation.accept(root);
        return this;
    }

    public ObjectNode lab() {
        return (ObjectNode) root.get("lab");
    }

    public ObjectNode server(String name) {
        for (JsonNode s : lab().withArray("servers")) {
            if (s.path("name").asText().equalsIgnoreCase(name)) {
                return (ObjectNode) s;
            }
        }
        throw new IllegalArgumentException("no lab server " + name);
    }

    public ObjectNode connector(String identity) {
        for (JsonNode c : lab().withArray("receiveConnectors")) {
            if (c.path("Identity").asText().equalsIgnoreCase(identity)) {
                return (ObjectNode) c;
            }
        }
        throw new IllegalArgumentException("no lab connector " + identity);
    }

    public ObjectNode policy(String name) {
        for (JsonNode p : lab().withArray("throttlingPolicies")) {
            if (p.path("Name").asText().equalsIgnoreCase(name)) {
                return (ObjectNode) p;
            }
        }
        throw new IllegalArgumentException("no lab policy " + name);
    }

    public ObjectNode uccxMailbox() {
        return (ObjectNode) lab().withArray("mailboxes").get(0);
    }

    /** The lab's {@code faults:} section, made when the file has none. */
    public ObjectNode faults() {
        return lab().withObject("/faults");
    }

    /** Sets {@code timeouts:}, so that a fault that waits for one costs a proof seconds, not minutes. */
    public LabVariant timeouts(int connectSeconds, int readSeconds) {
        root.putObject("timeouts").put("connectSeconds", connectSeconds).put("readSeconds", readSeconds);
        return this;
    }

    public ArrayNode permissions() {
        return lab().withArray("organizationPermissions");
    }

    /** The UCCX mailbox as the environment names it (uccx.mailbox), the target of THR-01 and THR-02. */
    public String uccxMailboxAddress() {
        return root.path("uccx").path("mailbox").asText();
    }

    public String uccxAccount() {
        return root.path("uccx").path("account").asText();
    }

    /** Writes the variant as {@code <dir>/<name>.yaml}, its {@code name} key set to the file's name. */
    public Path writeTo(Path dir, String name) {
        root.put("name", name);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".yaml");
            YAML.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
