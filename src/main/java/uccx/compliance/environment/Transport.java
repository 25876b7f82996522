package uccx.compliance.environment;

/** How the collector reaches the Exchange Management Shell; written {@code winrm}, {@code local} or {@code lab}. */
public enum Transport {
    /** WinRM (Kerberos) to an Exchange or management server. */
    WINRM,
    /** The local powershell.exe of a Windows agent that has the Exchange Management Tools. */
    LOCAL,
    /** The embedded lab, which makes its own endpoint and credentials for each run. */
    LAB;

    /** How the environment file writes it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
