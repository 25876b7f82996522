package uccx.compliance.environment;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated environment file, with every {@code ${VAR}} resolved. Built only by
 * {@link EnvironmentLoader}, so a control never sees a half-valid environment.
 *
 * @param file               the environment file, absolute
 * @param name               the file's {@code name} key; reports go to {@code reports/<name>/}
 * @param imap               where the live IMAP probes go; empty in a lab environment that leaves it to the lab
 * @param smtp               where the live SMTP probe goes; empty in a lab environment that leaves it to the lab
 * @param eventLookbackHours how far back IMAP-03 looks for event 9646
 * @param lab                the raw {@code lab:} section (shape checked by the schema, meaning left to the lab); present exactly when {@link #isLab()}
 * @param signing            {@code evidence.signing}: the key that signs the run's manifest, when the file asks for it
 */
public record Environment(Path file, String name, Exchange exchange, Uccx uccx, Optional<MailEndpoint> imap,
        Optional<MailEndpoint> smtp, Timeouts timeouts, int eventLookbackHours, Probes probes,
        Thresholds thresholds, List<Waiver> waivers, Optional<JsonNode> lab, Optional<EvidenceSigning> signing) {

    public Environment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(uccx, "uccx");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(probes, "probes");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(signing, "signing");
        waivers = List.copyOf(waivers);
        // JsonNode is mutable: keep a private copy so that no caller can change the lab under another's feet.
        lab = lab.map(JsonNode::deepCopy);
    }

    /** A copy of the raw {@code lab:} section: changing it changes nothing here. */
    @Override
    public Optional<JsonNode> lab() {
        return lab.map(JsonNode::deepCopy);
    }

    /**
     * What the report must say this run risks, one sentence each: connections without TLS that
     * the file accepted (outside the lab; the lab is this machine's loopback).
     */
    public List<String> warnings() {
        List<String> warnings = new java.util.ArrayList<>();
        exchange.management().weakness().ifPresent(warnings::add);
        if (!isLab()) {
            imap.filter(MailEndpoint::isCleartext).ifPresent(e -> warnings.add(MailEndpoint.IMAP_CLEARTEXT + "; "
                    + e.acceptCleartext().map(CleartextAcceptance::describe).orElse("not accepted in the environment file")));
        }
        return List.copyOf(warnings);
    }

    /** Whether the organisation is the embedded lab ({@code exchange.management.transport: lab}). */
    public boolean isLab() {
        return exchange.management().transport() == Transport.LAB;
    }

    /**
     * What MaxConnectionsPerUser must reach (IMAP-01): the checklist's value (or a raised one) or
     * the UCCX account's need, whichever is higher (README, "What each control checks, and why": the derived need).
     */
    public int requiredMaxConnectionsPerUser() {
        return Math.max(thresholds.maxConnectionsPerUser(), uccx.imapConnectionsNeeded());
    }

    /** What the store's service-session limit must reach (IMAP-02), by the same rule. */
    public int requiredServiceSessionsPerUser() {
        return Math.max(thresholds.maxServiceSessionsPerUser(), uccx.imapConnectionsNeeded());
    }
}
