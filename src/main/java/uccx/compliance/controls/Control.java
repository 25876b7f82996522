package uccx.compliance.controls;

/**
 * The controls of Cisco's checklist (tech note 117589) and beyond it, by their stable IDs. Reports, waivers, tags and
 * remediation all use these IDs.
 */
public enum Control {
    EXC_01("EXC-01", "Exchange version matches the environment file", "scope", "(scope)"),
    IMAP_01("IMAP-01", "IMAP4 connection limits on every Client Access server", "imap", "IMAP 1"),
    IMAP_02("IMAP-02", "Store service sessions per user on every Mailbox server", "imap", "IMAP 2"),
    IMAP_03("IMAP-03", "No store session-limit event 9646 for the UCCX mailbox", "imap", "IMAP 2-3"),
    IMAP_04("IMAP-04", "UCCX account may view Information Store status", "imap", "IMAP 4"),
    SMTP_01("SMTP-01", "Receive connector limits", "smtp", "SMTP 1-2"),
    THR_01("THR-01", "A dedicated throttling policy is assigned to the UCCX mailbox", "throttling", "Client throttling 2"),
    THR_02("THR-02", "The UCCX throttling policy leaves the checklist's budgets unlimited", "throttling", "Client throttling 1"),
    NET_01("NET-01", "The IMAP and SMTP ports are reachable", "live", "Introduction, telnet <host> 143"),
    LIVE_01("LIVE-01", "Two concurrent IMAP logins with the UCCX account, as one agent desktop", "live", "Introduction (the capture)"),
    LIVE_02("LIVE-02", "Capacity: 2 x (agents + 1) concurrent IMAP sessions", "live", "beyond the checklist"),
    LIVE_03("LIVE-03", "The SMTP path accepts the UCCX mailbox", "live", "SMTP"),
    LIVE_04("LIVE-04", "The IMAP port offers a login the UCCX client can use", "live", "beyond the checklist");

    private final String id;
    private final String title;
    private final String section;
    private final String checklistStep;

    Control(String id, String title, String section, String checklistStep) {
        this.id = id;
        this.title = title;
        this.section = section;
        this.checklistStep = checklistStep;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The checklist section, also the JUnit tag: {@code -Dgroups=imap} runs the IMAP controls. */
    public String section() {
        return section;
    }

    public String checklistStep() {
        return checklistStep;
    }

    public static Control ofId(String id) {
        for (Control c : values()) {
            if (c.id.equalsIgnoreCase(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no control " + id);
    }
}
