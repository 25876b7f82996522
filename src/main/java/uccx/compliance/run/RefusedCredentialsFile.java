package uccx.compliance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uccx.compliance.probes.PasswordFingerprint;
import uccx.compliance.probes.RefusalMemory;
import uccx.compliance.probes.UccxCredentials;

/**
 * {@code reports/<env>/refused-credentials.json}: the passwords a server refused at this site, as
 * salted slow hashes ({@link PasswordFingerprint}) with the account and the run that saw the
 * refusal; never a password. The Jenkinsfile keeps the file between builds.
 *
 * <p>A missing file is a site with no refusal yet. A file that cannot be read (not JSON, not this
 * shape, an I/O error) makes the run send no password at all: it may have held this very password,
 * and trying to find out is the second wrong password the file exists to prevent. The run says so
 * (LIVE-01 and LIVE-02 could not verify, a warning, {@code state: not-tried}); fix the file, or
 * delete it to accept one more try.
 */
final class RefusedCredentialsFile implements RefusalMemory {

    static final String NAME = "refused-credentials.json";
    /** The newest entries kept: enough for every password a site could have tried, bounded so that checking stays quick. */
    static final int KEPT = 20;

    private record Entry(String account, String run, PasswordFingerprint fingerprint) {
    }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final Optional<String> unreadable;
    private Optional<String> writeFailure = Optional.empty();

    private RefusedCredentialsFile(Path file) {
        this.file = file;
        this.unreadable = read();
    }

    /** @param reports the environment's folder, {@code reports/<env>} */
    static RefusedCredentialsFile in(Path reports) {
        return new RefusedCredentialsFile(reports.resolve(NAME));
    }

    @Override
    public synchronized Optional<String> refusedIn(UccxCredentials credentials) {
        // Newest first: the run that last refused this password is the one to name.
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.account().equalsIgnoreCase(credentials.account()) && e.fingerprint().matches(credentials)) {
                return Optional.of(e.run());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void remember(UccxCredentials credentials, String runId) {
        if (unreadable.isPresent()) {
            return;
        }
        entries.add(new Entry(credentials.account(), runId, PasswordFingerprint.of(credentials)));
        while (entries.size() > KEPT) {
            entries.remove(0);
        }
        try {
            write();
            writeFailure = Optional.empty();
        } catch (IOException e) {
            writeFailure = Optional.of("could not write " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "): the next run does not know that this run's password was refused");
        }
    }

    @Override
    public Optional<String> unreadable() {
        return unreadable;
    }

    /** Why the refusal of this run could not be kept, if it could not. */
    synchronized Optional<String> writeFailure() {
        return writeFailure;
    }

    private Optional<String> read() {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(file + " could not be read (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode refused = root == null ? null : root.get("refused");
        if (refused == null || !refused.isArray()) {
            return Optional.of(file + " is not a list of refused credentials");
        }
        for (JsonNode n : refused) {
            if (!n.path("account").isTextual() || !n.path("run").isTextual() || !n.path("salt").isTextual()
                    || !n.path("hash").isTextual() || !n.path("iterations").canConvertToInt() || n.path("iterations").asInt() < 1
                    || !"PBKDF2WithHmacSHA256".equals(n.path("kdf").asText())) {
                entries.clear();
                return Optional.of(file + " holds an entry that is not a refused credential");
            }
            entries.add(new Entry(n.get("account").asText(), n.get("run").asText(),
                    new PasswordFingerprint(n.get("salt").asText(), n.get("hash").asText(), n.get("iterations").asInt())));
        }
        return Optional.empty();
    }

    private void write() throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("about", "Passwords a server refused at this site, as PBKDF2-HMAC-SHA256 with a random salt per entry; never the "
                + "password. A password listed here is not sent again. Written by uccx-exchange-compliance.");
        ArrayNode list = root.putArray("refused");
        for (Entry e : entries) {
            list.addObject().put("account", e.account()).put("run", e.run()).put("kdf", "PBKDF2WithHmacSHA256")
                    .put("iterations", e.fingerprint().iterations()).put("salt", e.fingerprint().salt())
                    .put("hash", e.fingerprint().hash());
        }
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), NAME, ".tmp");
        try {
            mapper.writeValue(temporary.toFile(), root);
            try {
                // A run killed halfway must not leave half a file, which would stop every later run.
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
