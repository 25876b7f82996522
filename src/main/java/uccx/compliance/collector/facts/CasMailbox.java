package uccx.compliance.collector.facts;

/**
 * {@code Get-CASMailbox -Identity <uccx>}: the protocols the mailbox may use.
 *
 * @param imapEnabled whether IMAP4 clients may open it (Exchange 2010: ImapEnabled, true by default)
 */
public record CasMailbox(String identity, boolean imapEnabled) {
}
