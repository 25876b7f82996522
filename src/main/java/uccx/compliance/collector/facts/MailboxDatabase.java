package uccx.compliance.collector.facts;

import java.util.List;

/**
 * {@code Get-MailboxDatabase}: one mailbox database and every server holding a copy of it.
 *
 * @param servers         its {@code Servers}: every Mailbox server with a copy (in a DAG, each server the database has a copy on)
 * @param mountedOnServer where its active copy is mounted; empty when Exchange did not say
 */
public record MailboxDatabase(String name, List<String> servers, String mountedOnServer) {
    public MailboxDatabase {
        servers = List.copyOf(servers);
    }
}
