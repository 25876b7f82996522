package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a validated tree into the model, applying the defaults. It runs only on a tree that
 * passed every check, so it trusts types and presence and does not re-validate.
 */
final class Binder {

    private final Path projectDir;
    private final Map<String, String> variables;

    Binder(Path projectDir, Map<String, String> variables) {
        this.projectDir = projectDir;
        this.variables = variables;
    }

    /**
     * @param document the validated tree as written; only secret keys hold a ${VAR}, read here into a Secret
     */
    Environment bind(Path file, JsonNode document) {
        JsonNode exchange = document.get("exchange");
        Exchange ex = new Exchange(ExchangeVersion.parse(exchange.get("version").asText()),
                management(exchange.get("management")), strings(exchange.get("clientAccessServers")),
                strings(exchange.get("mailboxServers")), strings(exchange.get("receiveConnectors")));
        JsonNode u = document.get("uccx");
        Uccx uccx = new Uccx(u.get("mailbox").asText(), u.get("account").asText(), secret(u.path("password")),
                u.get("agents").asInt(), u.hasNonNull("serverAddress") ? Optional.of(u.get("serverAddress").asText()) : Optional.empty(),
                u.path("passwordWarningDays").asInt(Uccx.DEFAULT_PASSWORD_WARNING_DAYS));
        JsonNode timeouts = document.path("timeouts");
        Timeouts t = new Timeouts(
                Duration.ofSeconds(timeouts.path("connectSeconds").asLong(Timeouts.DEFAULT_CONNECT.toSeconds())),
                Duration.ofSeconds(timeouts.path("readSeconds").asLong(Timeouts.DEFAULT_READ.toSeconds())),
                Duration.ofSeconds(timeouts.path("targetSeconds").asLong(Timeouts.DEFAULT_TARGET.toSeconds())));
        return new Environment(file, document.get("name").asText(), ex, uccx,
                endpoint(document.path("imap"), 143, 993), endpoint(document.path("smtp"), 25, 465), t,
                document.path("eventLookbackHours").asInt(24),
                new Probes(document.path("probes").path("capacity").asBoolean(false)),
                thresholds(document.path("thresholds")), waivers(document.path("waivers")),
                Optional.ofNullable(document.get("lab")), signing(document.path("evidence").path("signing")));
    }

    /** The key store's path as written, or from the one variable it names (Jenkins' certificate binding gives a path so). */
    private Optional<EvidenceSigning> signing(JsonNode s) {
        if (!s.isObject()) {
            return Optional.empty();
        }
        String written = s.get("keyStore").asText();
        String variable = References.wholeReference(written);
        Path keyStore = projectDir.resolve(variable == null ? written : variables.get(variable)).toAbsolutePath().normalize();
        String shownAs = variable == null ? keyStore.toString() : "${" + variable + "}";
        return Optional.of(new EvidenceSigning(keyStore, shownAs, secret(s.path("keyStorePassword")).orElseThrow(), text(s.path("alias"))));
    }

    private Management management(JsonNode m) {
        Transport transport = Rules.transport(m.get("transport"));
        SecondHop secondHop = text(m.path("secondHop")).map(h -> SecondHop.valueOf(h.toUpperCase(Locale.ROOT))).orElse(SecondHop.DELEGATION);
        if (transport != Transport.WINRM) {
            return new Management(transport, Optional.empty(), OptionalInt.empty(), false, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), secondHop, Optional.empty());
        }
        boolean https = m.path("https").asBoolean(true);
        return new Management(transport, text(m.path("host")), OptionalInt.of(m.path("port").asInt(https ? 5986 : 5985)),
                https, text(m.path("username")), secret(m.path("password")), path(m.path("trustStore")),
                secret(m.path("trustStorePassword")), text(m.path("certificateSha256")).map(Binder::fingerprint), secondHop,
                acceptance(m.path("acceptCleartext")));
    }

    private Optional<MailEndpoint> endpoint(JsonNode e, int plainPort, int sslPort) {
        if (!e.isObject()) {
            return Optional.empty();
        }
        Optional<ImapSecurity> security = text(e.path("security")).map(s -> ImapSecurity.valueOf(s.toUpperCase(Locale.ROOT)));
        int port = e.path("port").asInt(security.orElse(ImapSecurity.NONE) == ImapSecurity.SSL ? sslPort : plainPort);
        return Optional.of(new MailEndpoint(e.get("host").asText(), port, security, path(e.path("trustStore")),
                text(e.path("certificateSha256")).map(Binder::fingerprint), acceptance(e.path("acceptCleartext"))));
    }

    private static Optional<CleartextAcceptance> acceptance(JsonNode a) {
        if (!a.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new CleartextAcceptance(a.get("reason").asText(), a.get("approvedBy").asText(), text(a.path("ticket")),
                LocalDate.parse(a.get("expires").asText())));
    }

    private static Thresholds thresholds(JsonNode t) {
        Map<String, Integer> overrides = new LinkedHashMap<>();
        t.fields().forEachRemaining(e -> overrides.put(e.getKey(), e.getValue().asInt()));
        return Thresholds.raising(overrides);
    }

    private static List<Waiver> waivers(JsonNode w) {
        List<Waiver> waivers = new ArrayList<>();
        for (JsonNode n : w) {
            waivers.add(new Waiver(n.get("control").asText(), n.path("target").asText(""), n.get("reason").asText(),
                    n.get("approvedBy").asText(), n.get("ticket").asText(), LocalDate.parse(n.get("expires").asText())));
        }
        return waivers;
    }

    /** A secret key holds ${NAME} as written (the checks made sure of it); the value comes from the variable. */
    private Optional<Secret> secret(JsonNode reference) {
        if (!reference.isTextual()) {
            return Optional.empty();
        }
        String name = References.wholeReference(reference.asText());
        return Optional.of(new Secret("${" + name + "}", variables.get(name)));
    }

    private Optional<Path> path(JsonNode p) {
        return text(p).map(s -> projectDir.resolve(s).toAbsolutePath().normalize());
    }

    private static Optional<String> text(JsonNode n) {
        return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode list) {
        List<String> s = new ArrayList<>();
        list.forEach(n -> s.add(n.asText()));
        return s;
    }

    /** One spelling for fingerprints, so that comparing one with a certificate's is a plain equals. */
    private static String fingerprint(String written) {
        return written.replace(":", "").toLowerCase(Locale.ROOT);
    }
}
