package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the schema does not say: which keys a transport needs or forbids, the lab section, trust
 * settings that contradict each other, files that must exist, dates. Each rule looks only at
 * values of the right type, so that a wrong type is reported once, by the schema.
 */
final class Rules {

    private static final List<String> WINRM_ONLY = List.of("host", "port", "https", "username", "password",
            "trustStore", "trustStorePassword", "certificateSha256", "acceptCleartext");

    private static final String ACCEPT_HOW = "{reason, approvedBy, expires} (at most one year ahead, like a waiver)";

    private Rules() {
    }

    /**
     * @param document   the file's tree as written (no ${VAR} is resolved into it)
     * @param tree       the file as written, for lines
     * @param projectDir where relative paths start
     */
    static List<Problem> check(JsonNode document, YamlTree tree, Path projectDir) {
        List<Problem> problems = new ArrayList<>();
        if (!document.isObject()) {
            return problems;
        }
        KeyPath managementPath = KeyPath.root().key("exchange").key("management");
        JsonNode management = document.path("exchange").path("management");
        Transport transport = transport(management.path("transport"));
        if (transport != null) {
            transportRules(transport, management, managementPath, document, tree, problems);
        }
        trustRules(management, managementPath, tree, projectDir, problems);
        trustRules(document.path("imap"), KeyPath.root().key("imap"), tree, projectDir, problems);
        trustRules(document.path("smtp"), KeyPath.root().key("smtp"), tree, projectDir, problems);
        if (transport != null) {
            cleartextRules(transport, document, tree, problems);
        }
        waiverDates(document.path("waivers"), tree, problems);
        return problems;
    }

    static Transport transport(JsonNode written) {
        for (Transport t : Transport.values()) {
            if (t.label().equals(written.asText(null))) {
                return t;
            }
        }
        return null;
    }

    private static void transportRules(Transport transport, JsonNode management, KeyPath managementPath,
            JsonNode document, YamlTree tree, List<Problem> problems) {
        String label = transport.label();
        if (transport == Transport.WINRM) {
            for (String key : List.of("host", "username", "password")) {
                if (!management.has(key)) {
                    problems.add(new Problem(tree.lineOf(managementPath), managementPath.key(key),
                            "missing required key; transport winrm needs host, username and password"));
                }
            }
            if (management.path("https").isBoolean() && !management.get("https").asBoolean()) {
                if (!management.has("acceptCleartext")) {
                    KeyPath https = managementPath.key("https");
                    problems.add(new Problem(tree.lineOf(https), https, Management.PLAIN_HTTP + "; use https: true, or accept it"
                            + " under exchange.management.acceptCleartext: " + ACCEPT_HOW));
                }
                for (String key : List.of("trustStore", "trustStorePassword", "certificateSha256")) {
                    notUsed(management, managementPath.key(key), tree, "only used with https: true", problems);
                }
                if ("credential".equals(management.path("secondHop").asText(null))) {
                    KeyPath secondHop = managementPath.key("secondHop");
                    problems.add(new Problem(tree.lineOf(secondHop), secondHop, "secondHop: credential sends the audit account's "
                            + "password to the WinRM server inside the WinRM channel, so it needs https: true"));
                }
            } else {
                notUsed(management, managementPath.key("acceptCleartext"), tree, "only used with https: false; remove it", problems);
            }
        } else {
            String why = transport == Transport.LAB
                    ? "not used when transport is lab (the lab makes its own endpoint and credentials); remove it"
                    : "not used when transport is local (powershell.exe runs here, as this agent's account); remove it";
            for (String key : WINRM_ONLY) {
                notUsed(management, managementPath.key(key), tree, why, problems);
            }
            if (transport == Transport.LOCAL) {
                notUsed(management, managementPath.key("secondHop"), tree, "not used when transport is local: powershell.exe runs "
                        + "here with this agent's own logon, so every server is one hop away; remove it", problems);
            }
        }
        KeyPath labPath = KeyPath.root().key("lab");
        if (transport == Transport.LAB && !document.has("lab")) {
            problems.add(new Problem(tree.lineOf(labPath), labPath,
                    "missing required key; a lab environment (transport: lab) describes its organisation under lab:"));
        }
        if (transport != Transport.LAB) {
            notUsed(document, labPath, tree, "only a lab environment has a lab: section, and transport is " + label
                    + "; remove it or set exchange.management.transport: lab", problems);
            String need = "missing required key; the live probes need it unless transport is lab";
            for (KeyPath required : List.of(KeyPath.root().key("uccx").key("password"), KeyPath.root().key("imap"),
                    KeyPath.root().key("smtp"))) {
                JsonNode parent = tree.at(required.parent());
                if (parent.isObject() && !parent.has(required.lastKey())) {
                    problems.add(new Problem(tree.lineOf(required), required, need));
                }
            }
        }
    }

    /**
     * A connection without TLS outside the lab only with a current, written acceptance; the lab is
     * this machine's loopback, where nothing crosses a network.
     */
    private static void cleartextRules(Transport transport, JsonNode document, YamlTree tree, List<Problem> problems) {
        KeyPath imapPath = KeyPath.root().key("imap");
        JsonNode imap = document.path("imap");
        if (imap.isObject()) {
            JsonNode security = imap.path("security");
            boolean cleartext = security.isMissingNode() || ImapSecurity.NONE.label().equals(security.asText(null));
            boolean readable = security.isMissingNode() || security.isTextual();
            if (transport == Transport.LAB) {
                notUsed(imap, imapPath.key("acceptCleartext"), tree, "not used in a lab environment: the lab is this machine's"
                        + " loopback, where nothing crosses a network; remove it", problems);
            } else if (cleartext && !imap.has("acceptCleartext")) {
                KeyPath at = security.isMissingNode() ? imapPath : imapPath.key("security");
                problems.add(new Problem(tree.lineOf(at), at, MailEndpoint.IMAP_CLEARTEXT + "; use security: starttls or ssl, or"
                        + " accept it under imap.acceptCleartext: " + ACCEPT_HOW));
            } else if (!cleartext && readable) {
                notUsed(imap, imapPath.key("acceptCleartext"), tree, "only used with security: none; remove it", problems);
            }
        }
        notUsed(document.path("smtp"), KeyPath.root().key("smtp").key("acceptCleartext"), tree, "not used under smtp: the SMTP"
                + " probe never logs in, so no password crosses; remove it", problems);
        acceptanceDates(imap.path("acceptCleartext"), imapPath.key("acceptCleartext"), tree, problems);
        acceptanceDates(document.path("exchange").path("management").path("acceptCleartext"),
                KeyPath.root().key("exchange").key("management").key("acceptCleartext"), tree, problems);
    }

    /** An expired acceptance is refused like a missing one: what it accepts happens before any control runs. */
    private static void acceptanceDates(JsonNode acceptance, KeyPath path, YamlTree tree, List<Problem> problems) {
        JsonNode expires = acceptance.path("expires");
        if (!expires.isTextual()) {
            return;
        }
        KeyPath at = path.key("expires");
        try {
            LocalDate date = LocalDate.parse(expires.asText());
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            LocalDate limit = today.plus(Waiver.LONGEST);
            if (date.isBefore(today)) {
                problems.add(new Problem(tree.lineOf(at), at, "expired on " + date + "; an expired acceptance counts as none:"
                        + " have it approved again with a new expiry, or stop needing it"));
            } else if (date.isAfter(limit)) {
                problems.add(new Problem(tree.lineOf(at), at, "an acceptance may run at most one year ahead (until " + limit
                        + "), found " + date));
            }
        } catch (DateTimeParseException e) {
            problems.add(new Problem(tree.lineOf(at), at, "must be an ISO date (YYYY-MM-DD), found " + SchemaCheck.describe(expires)));
        }
    }

    private static void trustRules(JsonNode endpoint, KeyPath path, YamlTree tree, Path projectDir, List<Problem> problems) {
        if (!endpoint.isObject()) {
            return;
        }
        if (endpoint.has("trustStore") && endpoint.has("certificateSha256")) {
            problems.add(new Problem(tree.lineOf(path.key("certificateSha256")), path.key("certificateSha256"),
                    "give trustStore or certificateSha256, not both"));
        }
        if (endpoint.has("trustStorePassword") && !endpoint.has("trustStore")) {
            problems.add(new Problem(tree.lineOf(path.key("trustStorePassword")), path.key("trustStorePassword"),
                    "only used with trustStore, which is not given"));
        }
        JsonNode store = endpoint.path("trustStore");
        if (store.isTextual() && !store.asText().isEmpty() && !store.asText().contains("${")) {
            KeyPath at = path.key("trustStore");
            try {
                Path file = projectDir.resolve(store.asText()).toAbsolutePath().normalize();
                if (!Files.isRegularFile(file)) {
                    problems.add(new Problem(tree.lineOf(at), at, "no such file: " + file));
                } else if (!Files.isReadable(file)) {
                    problems.add(new Problem(tree.lineOf(at), at, "cannot read " + file));
                }
            } catch (InvalidPathException e) {
                problems.add(new Problem(tree.lineOf(at), at, "not a file path: " + e.getReason()));
            }
        }
    }

    private static void waiverDates(JsonNode waivers, YamlTree tree, List<Problem> problems) {
        for (int i = 0; i < waivers.size(); i++) {
            JsonNode expires = waivers.path(i).path("expires");
            if (expires.isTextual()) {
                KeyPath at = KeyPath.root().key("waivers").index(i).key("expires");
                try {
                    LocalDate date = LocalDate.parse(expires.asText());
                    LocalDate limit = LocalDate.now(java.time.ZoneOffset.UTC).plus(Waiver.LONGEST);
                    if (date.isAfter(limit)) {
                        problems.add(new Problem(tree.lineOf(at), at, "a waiver may run at most one year ahead (until " + limit
                                + "), found " + date));
                    }
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(tree.lineOf(at), at,
                            "must be an ISO date (YYYY-MM-DD), found " + SchemaCheck.describe(expires)));
                }
            }
        }
    }

    private static void notUsed(JsonNode parent, KeyPath at, YamlTree tree, String why, List<Problem> problems) {
        if (parent.has(at.lastKey())) {
            problems.add(new Problem(tree.lineOf(at), at, why));
        }
    }
}
