package uccx.compliance.lab.winrm;

/** Starts the lab's program for each WinRM Command the endpoint accepts. */
@FunctionalInterface
public interface RemotePrograms {

    /**
     * @param commandLine the line cmd.exe would run, after cmd.exe removed the quotes that wrap
     *                    it (Overthere sends {@code "<line>"})
     * @param logon       who the listener let in for the Command request
     */
    RemoteProgram start(String commandLine, Logon logon);
}
