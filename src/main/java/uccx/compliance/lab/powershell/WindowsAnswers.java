package uccx.compliance.lab.powershell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uccx.compliance.lab.LabState;
import uccx.compliance.lab.LabState.Server;

/**
 * What a Mailbox server itself answers the script over RPC: its registry (the store's service
 * session limit) and its Application event log (event 9646). A server in
 * {@code lab.faults.unreachable} answers neither: the call hangs as RPC to a dead server does.
 */
final class WindowsAnswers {

    private final LabState state;
    private final Clock clock;
    private final ScriptSections script;
    private final LabRunspaces runspaces;

    WindowsAnswers(LabState state, Clock clock, ScriptSections script, LabRunspaces runspaces) {
        this.state = state;
        this.clock = clock;
        this.script = script;
        this.runspaces = runspaces;
    }

    List<Serialized> registry(String server) throws ExchangeAnswers.CmdletError {
        answerOrHang(server, "Exception calling \"OpenRemoteBaseKey\" with \"2\" argument(s): \"The RPC server is unavailable.\r\n\"",
                "IOException");
        Server s = state.server(server).orElseThrow(() -> new ExchangeAnswers.CmdletError(
                "Exception calling \"OpenRemoteBaseKey\" with \"2\" argument(s): \"The network path was not found.\r\n\"",
                "DotNetMethodException"));
        String kind;
        Serialized value;
        var dword = s.registryValue(LabState.STORE_KEY, LabState.SERVICE_SESSIONS_VALUE);
        if (dword.isPresent()) {
            kind = "DWord";
            value = Serialized.int32(dword.get());
        } else {
            kind = s.hasRegistryKey(LabState.STORE_KEY) ? "ValueMissing" : "KeyMissing";
            value = new Serialized.Nil();
        }
        // New-Object PSObject -Property @{...} keeps no order: PowerShell 2.0 writes a hashtable's keys as they hash.
        return List.of(Serialized.customObject(null).with("ValueKind", kind).with("UccxTarget", server)
                .with("Key", LabState.STORE_KEY).with("UccxFact", "registry").with("Value", value)
                .with("ValueName", LabState.SERVICE_SESSIONS_VALUE).with("UccxRecord", "fact").build());
    }

    List<Serialized> storeEvents(String server) throws ExchangeAnswers.CmdletError {
        answerOrHang(server, "The RPC server is unavailable",
                "System.Diagnostics.Eventing.Reader.EventLogException,Microsoft.PowerShell.Commands.GetWinEventCommand");
        Server s = state.server(server).orElseThrow(() -> new ExchangeAnswers.CmdletError("The RPC server is unavailable",
                "System.Diagnostics.Eventing.Reader.EventLogException,Microsoft.PowerShell.Commands.GetWinEventCommand"));
        int lookbackHours = Integer.parseInt(script.value("UccxEventLookbackHours").isBlank() ? "24" : script.value("UccxEventLookbackHours"));
        Instant now = clock.instant();
        List<Serialized> events = new ArrayList<>();
        for (LabState.Event e : s.events()) {
            boolean inWindow = e.minutesAgo() <= Duration.ofHours(lookbackHours).toMinutes();
            if (!inWindow || e.id() != 9646 || !e.source().equalsIgnoreCase("MSExchangeIS")) {
                continue;
            }
            // The event states the limit the store enforces: the registry value only if it was written before the store started.
            int limit = e.limit() >= 0 ? e.limit() : s.storeLimitInEffect();
            String dn = state.mailbox(e.mailbox()).map(LabState.Mailbox::legacyExchangeDn).orElse(e.mailbox());
            // Published events show "<guid>: /o=..." and a bare DN; mailboxDnField gives any other form as written.
            String field = e.mailboxDnField().orElseGet(() -> e.guidPrefix()
                    ? UUID.nameUUIDFromBytes(dn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ": " + dn : dn);
            events.add(ExchangeAnswers.record("storeEvents", server, "System.Diagnostics.Eventing.Reader.EventLogRecord")
                    .with("Id", Serialized.int32(9646))
                    .with("ProviderName", "MSExchangeIS")
                    .with("TimeCreated", new Serialized.Time(now.minus(Duration.ofMinutes(e.minutesAgo()))))
                    .with("MailboxDn", field)
                    .with("Limit", Integer.toString(limit))
                    .with("ObjectType", e.objectType())
                    .with("Message", "Mapi session \"" + field + "\" exceeded the maximum of " + limit + " objects of type \""
                            + e.objectType() + "\".\r\n")
                    .build());
        }
        if (events.isEmpty()) {
            throw new ExchangeAnswers.CmdletError("No events were found that match the specified selection criteria.",
                    "NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand");
        }
        return events;
    }

    /**
     * The server's Exchange services as {@code Get-WmiObject Win32_Service} lists them: MSExchangeIMAP4 where the
     * Client Access role is installed, MSExchangeIS where the Mailbox role is. As Windows gives them: StartMode
     * 'Auto', 'Manual' or 'Disabled', State 'Running' or 'Stopped', ProcessId 0 for a stopped service (Win32_Service
     * class, Microsoft Learn); a running one's Win32_Process CreationDate is a CIM_DATETIME in the server's local
     * time with its offset in minutes ({@code 20261201054800.123456+060}). Each process query is one more RPC call.
     */
    List<Serialized> services(String server, CallCosts costs) throws ExchangeAnswers.CmdletError {
        answerOrHang(server, "The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)",
                "GetWMICOMException,Microsoft.PowerShell.Commands.GetWmiObjectCommand");
        Server s = state.server(server).orElseThrow(() -> new ExchangeAnswers.CmdletError(
                "The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)",
                "GetWMICOMException,Microsoft.PowerShell.Commands.GetWmiObjectCommand"));
        List<Serialized> records = new ArrayList<>();
        int pid = 4000;
        for (String name : List.of("MSExchangeIMAP4", "MSExchangeIS")) {
            if (name.equals("MSExchangeIMAP4") ? !s.hasRole("ClientAccess") : !s.hasRole("Mailbox")) {
                continue;
            }
            LabState.Service service = s.service(name);
            pid += 312;
            String startedAt = "";
            long processId = 0;
            if (service.running()) {
                processId = pid;
                costs.processQuery();
                startedAt = cimDateTime(clock.instant().minus(Duration.ofMinutes(service.startedMinutesAgo())));
            }
            // New-Object PSObject -Property @{...}: no key order in PowerShell 2.0.
            records.add(Serialized.customObject(null).with("StartedAt", startedAt).with("UccxTarget", server).with("State", service.state())
                    .with("UccxFact", "services").with("Name", name).with("ProcessId", Serialized.int32(processId))
                    .with("StartMode", service.startMode()).with("UccxRecord", "fact").build());
        }
        return records;
    }

    /** WMI's CIM_DATETIME: yyyymmddHHMMSS.mmmmmm, then the offset from UTC in minutes, signed, three digits. */
    private static String cimDateTime(Instant at) {
        java.time.ZonedDateTime local = at.atZone(java.time.ZoneId.systemDefault());
        int minutes = local.getOffset().getTotalSeconds() / 60;
        return local.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "."
                + String.format("%06d", local.getNano() / 1000) + (minutes < 0 ? "-" : "+") + String.format("%03d", Math.abs(minutes));
    }

    /**
     * A dead server: the RPC call blocks (here until the lab closes) and then fails as an unanswered
     * RPC call does. Nothing else in the lab waits on it: the script bounds its reads.
     */
    private void answerOrHang(String server, String message, String errorId) throws ExchangeAnswers.CmdletError {
        if (state.faults().isUnreachable(server)) {
            runspaces.hangLikeRpcToADeadServer();
            throw new ExchangeAnswers.CmdletError(message, errorId);
        }
    }
}
