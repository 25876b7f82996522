package uccx.compliance.lab;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import uccx.compliance.lab.imap.Credentials;
import uccx.compliance.lab.imap.ImapEndpoint;
import uccx.compliance.lab.imap.ImapEndpointSettings;
import uccx.compliance.lab.imap.ImapJournal;
import uccx.compliance.lab.imap.Inbox;
import uccx.compliance.lab.imap.LoginType;
import uccx.compliance.lab.imap.StoreSessions;
import uccx.compliance.lab.smtp.SmtpEndpoint;
import uccx.compliance.lab.smtp.SmtpEndpointSettings;
import uccx.compliance.lab.winrm.LabCertificate;

/**
 * The lab's mail side, following its state: one IMAP endpoint per Client Access server enforcing
 * that server's {@code imapSettings}, all sharing the Mailbox server's store limit (its registry
 * value), with a certificate made for the run for STARTTLS.
 */
public final class LabMail implements AutoCloseable {

    /** A lab IMAP endpoint: which server it plays, and where it listens. */
    public record Endpoint(String server, String host, int port) {
    }

    private final List<ImapEndpoint> imap;
    private final List<SmtpEndpoint> smtp;
    private final String password;
    private final LabCertificate certificate;

    private LabMail(List<ImapEndpoint> imap, List<SmtpEndpoint> smtp, String password, LabCertificate certificate) {
        this.imap = List.copyOf(imap);
        this.smtp = List.copyOf(smtp);
        this.password = password;
        this.certificate = certificate;
    }

    static LabMail none() {
        return new LabMail(List.of(), List.of(), "", null);
    }

    static LabMail start(LabState state, String uccxAccount, String password, Clock clock) throws IOException {
        LabCertificate certificate = LabCertificate.generate();
        Credentials credentials = new Credentials(accountNames(state, uccxAccount), password,
                state.mailbox(uccxAccount).map(m -> state.accountUsable(m, clock.instant())).orElse(true));
        StoreSessions store = new StoreSessions(storeLimit(state));
        List<ImapEndpoint> started = new ArrayList<>();
        List<SmtpEndpoint> connectors = new ArrayList<>();
        try {
            for (LabState.Server server : state.servers()) {
                if (server.hasRole("ClientAccess")) {
                    ImapEndpointSettings settings = settings(server, store, credentials, certificate, state.latencyModel().imapLogin());
                    started.add(ImapEndpoint.start(state.faults().imap().map(settings::withFault).orElse(settings)));
                }
            }
            Set<String> recipients = new LinkedHashSet<>();
            state.mailboxes().forEach(m -> recipients.add(m.primarySmtpAddress()));
            for (LabState.ReceiveConnector connector : state.receiveConnectors()) {
                String server = connector.identity().contains("\\")
                        ? connector.identity().substring(0, connector.identity().indexOf('\\')) : connector.identity();
                SmtpEndpointSettings settings = new SmtpEndpointSettings(server + ".lab.example.com", connector.identity(),
                        recipients, limit(connector.limit("MaxInboundConnectionPerSource")),
                        limit(connector.limit("MaxInboundConnection")), clock);
                connectors.add(SmtpEndpoint.start(state.faults().smtp().map(settings::withFault).orElse(settings)));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(ImapEndpoint::close);
            connectors.forEach(SmtpEndpoint::close);
            throw e;
        }
        return new LabMail(started, connectors, password, certificate);
    }

    private static ImapEndpointSettings settings(LabState.Server server, StoreSessions store, Credentials credentials,
                                                 LabCertificate certificate, java.time.Duration latency) {
        boolean sp1OrLater = !server.adminDisplayVersion().matches("(?i).*Version\\s+14\\.0\\b.*");
        return ImapEndpointSettings.exchange2010(server.name(), store, credentials, certificate.serverContext())
                .withLoginType(LoginType.valueOf(server.imapSetting("LoginType")))
                .withLimits(limit(server.imapSetting("MaxConnectionsPerUser")), limit(server.imapSetting("MaxConnectionFromSingleIP")),
                        limit(server.imapSetting("MaxConnections")))
                .withNtlm(sp1OrLater)
                .withLoginLatency(latency);
    }

    private static OptionalInt limit(String text) {
        String value = text.trim();
        return value.equalsIgnoreCase("unlimited") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    /** Every spelling of the UCCX account: DOMAIN\name, name, and the mailbox's address. */
    private static List<String> accountNames(LabState state, String uccxAccount) {
        Set<String> names = new LinkedHashSet<>();
        names.add(uccxAccount);
        if (uccxAccount.contains("\\")) {
            names.add(uccxAccount.substring(uccxAccount.indexOf('\\') + 1));
        }
        state.mailbox(uccxAccount).ifPresent(m -> {
            names.add(m.samAccountName());
            names.add(m.primarySmtpAddress());
        });
        return List.copyOf(names);
    }

    /** The store's per-user service-session limit on the first Mailbox server: its registry value, else the default of 16. */
    private static int storeLimit(LabState state) {
        return state.servers().stream().filter(s -> s.hasRole("Mailbox")).findFirst()
                .flatMap(s -> s.registryValue(LabState.STORE_KEY, LabState.SERVICE_SESSIONS_VALUE))
                .map(Long::intValue).orElse(StoreSessions.DEFAULT_LIMIT);
    }

    public List<Endpoint> imapEndpoints() {
        return imap.stream().map(e -> new Endpoint(e.settings().serverName(), e.host(), e.port())).toList();
    }

    /** One SMTP endpoint per receive connector of the lab state, in its order. */
    public List<Endpoint> smtpEndpoints() {
        return smtp.stream().map(e -> new Endpoint(e.settings().connectorIdentity(), e.host(), e.port())).toList();
    }

    public List<SmtpEndpoint> smtpConnectors() {
        return smtp;
    }

    /** The UCCX account's password for this run, in memory only. */
    public String uccxPassword() {
        return password;
    }

    /** SHA-256 of the certificate the lab's endpoints present, so the probes pin it instead of trusting everything. */
    public String certificateSha256() {
        return certificate == null ? "" : certificate.sha256();
    }

    public List<ImapJournal> imapJournals() {
        return imap.stream().map(ImapEndpoint::journal).toList();
    }

    /** What the mail endpoints saw that the read-only suite must never do. */
    List<String> violations() {
        List<String> found = new ArrayList<>();
        for (ImapEndpoint endpoint : imap) {
            endpoint.journal().writes().forEach(w -> found.add("IMAP on " + endpoint.settings().serverName() + " received "
                    + w.command().toUpperCase(Locale.ROOT) + " " + w.arguments() + ": the suite must open folders read-only"));
        }
        for (SmtpEndpoint endpoint : smtp) {
            endpoint.journal().dataCommands().forEach(d -> found.add("SMTP " + endpoint.settings().connectorIdentity()
                    + " received " + d.verb() + ": the suite must never deliver mail"));
        }
        return found;
    }

    @Override
    public void close() {
        imap.forEach(ImapEndpoint::close);
        smtp.forEach(SmtpEndpoint::close);
    }
}
