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
            String dn = state.mailbox(e.mailbox()).map(LabState.Mailbox::legacyExchangeDn).orElse(e.mailbox());
            // Published events show "<guid>: /o=..." and a bare DN; mailboxDnField gives any other form as written.
            String field = e.mailboxDnField().orElseGet(() -> e.guidPrefix()
                    ? UUID.nameUUIDFromBytes(dn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ": " + dn : dn);
            events.add(ExchangeAnswers.record("storeEvents", server, "System.Diagnostics.Eventing.Reader.EventLogRecord")
                    .with("Id", Serialized.int32(9646))
                    .with("ProviderName", "MSExchangeIS")
                    .with("TimeCreated", new Serialized.Time(now.minus(Duration.ofMinutes(e.minutesAgo()))))
                    .with("MailboxDn", field)
                    .with("Limit", Integer.toString(e.limit()))
                    .with("ObjectType", e.objectType())
                    .with("Message", "Mapi session \"" + field + "\" exceeded the maximum of " + e.limit() + " objects of type \""
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
