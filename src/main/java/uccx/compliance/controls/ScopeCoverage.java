package uccx.compliance.controls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uccx.compliance.collector.facts.ExchangeServer;
import uccx.compliance.collector.facts.Mailbox;
import uccx.compliance.collector.facts.MailboxDatabase;
import uccx.compliance.environment.Exchange;

/**
 * EXC-02: what one server of the organisation is to the UCCX mailbox, and whether the environment
 * file's scope lists it for that. A Client Access server may serve the UCCX account's IMAP logins,
 * so its IMAP limits matter (IMAP-01); a server holding a copy of the UCCX mailbox's database may
 * mount it after a failover (a DAG moves the active copy on its own), so its store limit matters
 * (IMAP-02, IMAP-03).
 *
 * @param server         the server, as Get-ExchangeServer or the database's Servers name it
 * @param clientAccess   whether Get-ExchangeServer lists it with the Client Access role
 * @param database       the UCCX mailbox's database, when this server holds a copy of it
 * @param mountedOn      where that database is mounted now, for the message; empty when unknown
 * @param clientAccessServers exchange.clientAccessServers of the environment file
 * @param mailboxServers exchange.mailboxServers of the environment file
 */
public record ScopeCoverage(String server, boolean clientAccess, Optional<String> database, String mountedOn,
                            List<String> clientAccessServers, List<String> mailboxServers) {

    public ScopeCoverage {
        clientAccessServers = List.copyOf(clientAccessServers);
        mailboxServers = List.copyOf(mailboxServers);
    }

    public boolean listedAsClientAccess() {
        return clientAccessServers.stream().anyMatch(s -> s.equalsIgnoreCase(server));
    }

    public boolean listedAsMailbox() {
        return mailboxServers.stream().anyMatch(s -> s.equalsIgnoreCase(server));
    }

    /** The database holding the UCCX mailbox, by the mailbox's Database; empty when the mailbox does not name one Get-MailboxDatabase listed. */
    public static Optional<MailboxDatabase> databaseOf(Mailbox mailbox, List<MailboxDatabase> databases) {
        return mailbox.database().flatMap(name -> databases.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst());
    }

    /**
     * The servers EXC-02 judges, in name order: every Client Access server Get-ExchangeServer lists and every server
     * holding a copy of the UCCX mailbox's database (either list empty when its facts are unknown).
     */
    public static Set<String> servers(List<ExchangeServer> organisation, Optional<MailboxDatabase> database) {
        Set<String> servers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        organisation.stream().filter(ScopeCoverage::isClientAccess).map(ExchangeServer::name).forEach(servers::add);
        database.ifPresent(d -> servers.addAll(d.servers()));
        return new LinkedHashSet<>(servers);
    }

    public static boolean isClientAccess(ExchangeServer server) {
        return server.roles().stream().anyMatch(r -> r.equalsIgnoreCase("ClientAccess"));
    }

    /** The one server's coverage. */
    public static ScopeCoverage of(String server, List<ExchangeServer> organisation, Optional<MailboxDatabase> database, Exchange scope) {
        boolean cas = organisation.stream().anyMatch(s -> s.name().equalsIgnoreCase(server) && isClientAccess(s));
        Optional<String> holds = database.filter(d -> d.servers().stream().anyMatch(s -> s.equalsIgnoreCase(server))).map(MailboxDatabase::name);
        return new ScopeCoverage(server, cas, holds, database.map(MailboxDatabase::mountedOnServer).orElse(""), scope.clientAccessServers(),
                scope.mailboxServers());
    }

    /** The list line the environment file needs, {@code mailboxServers: [EXCH01, EXCH02, EXCH03]}. */
    static String listLine(String key, List<String> listed, String server) {
        List<String> line = new ArrayList<>(listed);
        line.add(server);
        return key + ": [" + String.join(", ", line) + "]";
    }
}
