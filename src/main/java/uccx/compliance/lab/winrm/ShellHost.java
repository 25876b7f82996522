package uccx.compliance.lab.winrm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open remote shells and their commands, as the WinRM shell plugin keeps them. */
final class ShellHost {

    private final Map<String, Map<String, RunningCommand>> shells = new ConcurrentHashMap<>();

    String createShell() {
        String shellId = WsmanResponses.newId("");
        shells.put(shellId, new ConcurrentHashMap<>());
        return shellId;
    }

    String startCommand(String shellId, RunningCommand command) throws WsmanFault {
        String commandId = WsmanResponses.newId("");
        shell(shellId).put(commandId, command);
        return commandId;
    }

    RunningCommand command(String shellId, String commandId) throws WsmanFault {
        RunningCommand command = shell(shellId).get(commandId);
        if (command == null) {
            throw WsmanFault.commandNotFound(commandId);
        }
        return command;
    }

    /** Deleting a shell ends what still runs in it. */
    void deleteShell(String shellId) throws WsmanFault {
        Map<String, RunningCommand> commands = shells.remove(shellId);
        if (commands == null) {
            throw WsmanFault.shellNotFound(shellId);
        }
        commands.values().forEach(RunningCommand::terminate);
    }

    /** Ends every command, so that no Receive waits on a closed endpoint. */
    void terminateAll() {
        shells.values().forEach(commands -> commands.values().forEach(RunningCommand::terminate));
    }

    private Map<String, RunningCommand> shell(String shellId) throws WsmanFault {
        Map<String, RunningCommand> commands = shells.get(shellId);
        if (commands == null) {
            throw WsmanFault.shellNotFound(shellId);
        }
        return commands;
    }
}
