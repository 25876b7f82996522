package uccx.compliance.controls;

import java.util.List;

/**
 * What a control means to the people who read its result: the checklist step in plain words, why
 * it matters for UCCX, and where the cmdlets it reads and sets are documented (Cisco's tech note
 * and KB 980049 are linked from every result already). The thresholds are not here: they depend on
 * the environment and are shown with each result.
 *
 * @param step what the checklist asks the Exchange admin to do (or, for the live controls, what is tried)
 * @param why  what breaks for the contact center when it does not hold
 * @param docs the documentation of the cmdlets involved, by name
 */
public record ControlDescription(String step, String why, List<Doc> docs) {

    /** One documentation page. */
    public record Doc(String name, String url) {
    }

    private static final String CMDLETS = "https://learn.microsoft.com/powershell/module/exchange/";

    public static ControlDescription of(Control control) {
        return switch (control) {
            case EXC_01 -> new ControlDescription(
                    "Confirm which Exchange 2010 service pack every server runs: AdminDisplayVersion 'Version 14.x' means SP x.",
                    "The checklist is written for Exchange 2010, and the throttling budgets differ by service pack (RTM has no CPA* "
                            + "budgets): judging a server against the wrong version asks the wrong questions.",
                    List.of(cmdlet("Get-ExchangeServer")));
            case IMAP_01 -> new ControlDescription(
                    "Cisco step IMAP 1: on every Client Access server run Set-ImapSettings -MaxCommandSize 10240 "
                            + "-MaxConnectionFromSingleIP 2000 -MaxConnections 2400 -MaxConnectionsPerUser 2400, then restart the "
                            + "MSExchangeIMAP4 service.",
                    "The UCCX server and every agent desktop open two IMAP connections each with the same account; with the default "
                            + "of 16 connections per user the 17th login is refused with 'NO AUTHENTICATE failed.' although the password "
                            + "is right, and agents' email buttons grey out.",
                    List.of(cmdlet("Set-ImapSettings"), cmdlet("Get-ImapSettings")));
            case IMAP_02 -> new ControlDescription(
                    "Cisco step IMAP 2: on every Mailbox server create the DWORD 'Maximum Allowed Service Sessions Per User' under "
                            + "HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem (the checklist misspells the key "
                            + "MSEExchangeIS) and restart the Microsoft Exchange Information Store.",
                    "Every IMAP connection of the UCCX account is a store service session of that user; the store allows 16 by default "
                            + "and then refuses more ('NO Server Unavailable. 15', event 9646). KB 980049: only this value fixes it.",
                    List.of(new Doc("reg add", "https://learn.microsoft.com/windows-server/administration/windows-commands/reg-add")));
            case IMAP_03 -> new ControlDescription(
                    "Cisco steps IMAP 2-3: look in the Application log of every Mailbox server for MSExchangeIS event 9646 "
                            + "(a MAPI session exceeded the maximum of objects of type 'session') naming the UCCX mailbox.",
                    "The event is the store saying it refused the UCCX account a session: the limit of IMAP-02 is hit or not in effect "
                            + "(the store was not restarted). Events for other mailboxes do not count.",
                    List.of(new Doc("Get-WinEvent", "https://learn.microsoft.com/powershell/module/microsoft.powershell.diagnostics/get-winevent")));
            case IMAP_04 -> new ControlDescription(
                    "Cisco step IMAP 4: grant the UCCX account the extended right 'View Information Store status' on the organization "
                            + "(Get-OrganizationConfig | Add-ADPermission -User <account> -ExtendedRights 'View Information Store status').",
                    "UCCX reads the store's status with this account. Weighed as Windows does: entries for the account and for every "
                            + "group of its logon token count, GenericAll and ExtendedRight without a specific right grant it too, and "
                            + "explicit Deny, explicit Allow, inherited Deny, inherited Allow decide in that order.",
                    List.of(cmdlet("Add-ADPermission"), cmdlet("Get-ADPermission"), cmdlet("Get-OrganizationConfig")));
            case SMTP_01 -> new ControlDescription(
                    "Cisco steps SMTP 1-2: on every receive connector the UCCX server sends through run Set-ReceiveConnector "
                            + "-MaxInboundConnection 5000 -MessageRateLimit 250 -MaxInboundConnectionPercentagePerSource 5 "
                            + "-MaxInboundConnectionPerSource 250 ('unlimited' also satisfies them).",
                    "All agents' replies leave through the UCCX server's one SMTP source; the defaults throttle it and mail queues.",
                    List.of(cmdlet("Set-ReceiveConnector"), cmdlet("Get-ReceiveConnector")));
            case THR_01 -> new ControlDescription(
                    "Cisco client throttling step 2: create a dedicated throttling policy and assign it to the UCCX mailbox "
                            + "(New-ThrottlingPolicy, Set-Mailbox -ThrottlingPolicy).",
                    "Without a dedicated policy the organisation's default policy throttles the one account every agent shares.",
                    List.of(cmdlet("New-ThrottlingPolicy"), cmdlet("Set-Mailbox"), cmdlet("Get-Mailbox")));
            case THR_02 -> new ControlDescription(
                    "Cisco client throttling step 1: in the UCCX policy set the IMAP, RCA and (from SP1) CPA budgets, MessageRateLimit, "
                            + "RecipientRateLimit and CPUStartPercent to $null, which Exchange 2010 treats as unlimited.",
                    "Each budget left at its default caps the shared account: IMAPMaxConcurrency alone refuses logins past its value.",
                    List.of(cmdlet("Set-ThrottlingPolicy"), cmdlet("Get-ThrottlingPolicy")));
            case NET_01 -> new ControlDescription(
                    "The checklist's introduction: 'telnet <host> 143' from the UCCX side. The suite opens a TCP connection to the IMAP "
                            + "and SMTP ports within the configured timeout.",
                    "If the ports cannot be reached, no setting matters: UCCX cannot fetch or send any email.",
                    List.of());
            case LIVE_01 -> new ControlDescription(
                    "Reproduces the capture in the checklist's introduction: two concurrent IMAP logins with the UCCX account, as one "
                            + "agent desktop does, EXAMINE INBOX (read-only), LOGOUT.",
                    "This is the failure agents see. A refused second login with the right password is a per-user limit (IMAP-01, "
                            + "THR-02); 'NO Server Unavailable. 15' is the store's session limit (IMAP-02).",
                    List.of(cmdlet("Get-ImapSettings")));
            case LIVE_02 -> new ControlDescription(
                    "Beyond the checklist: open 2 x (agents + 1) IMAP sessions with the UCCX account at once, as the whole contact "
                            + "center does, and log every one out (bounded, opt-in with probes.capacity).",
                    "Settings can each look right and still not add up for the real number of agents.",
                    List.of());
            case LIVE_03 -> new ControlDescription(
                    "The SMTP path of the UCCX server: EHLO, MAIL FROM and RCPT TO the UCCX mailbox must be accepted; then RSET and "
                            + "QUIT, so nothing is ever delivered.",
                    "UCCX sends agents' replies and reads routed email through this path; a refused recipient stops email routing.",
                    List.of(cmdlet("Get-ReceiveConnector")));
            case LIVE_04 -> new ControlDescription(
                    "Beyond the checklist: the IMAP port must offer a login the UCCX client can use with the configured security "
                            + "(LOGINDISABLED without STARTTLS blocks plain LOGIN; Exchange's default LoginType is SecureLogin).",
                    "With no usable login every agent's email is down although every limit is right.",
                    List.of(cmdlet("Set-ImapSettings")));
        };
    }

    private static Doc cmdlet(String name) {
        return new Doc(name, CMDLETS + name.toLowerCase(java.util.Locale.ROOT));
    }
}
