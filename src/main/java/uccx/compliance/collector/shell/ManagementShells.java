package uccx.compliance.collector.shell;

import java.nio.charset.Charset;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.Management;
import uccx.compliance.environment.Secret;
import uccx.compliance.environment.SecondHop;
import uccx.compliance.tls.Trust;

/** The management shell an environment file asks for (README, "Preparing a real site"). */
public final class ManagementShells {

    /** The OEM code page a Windows console writes powershell.exe's output in (en-US, and what Overthere asks WinRM for). */
    private static final Charset WINDOWS_CONSOLE = Charset.forName("IBM437");

    private ManagementShells() {
    }

    /**
     * WinRM (Kerberos for a domain principal, certificates verified) or the local powershell.exe.
     * A lab environment has no shell of its own here: the lab hands its endpoint to the caller.
     */
    public static ManagementShell forEnvironment(Environment environment) {
        Management management = environment.exchange().management();
        return switch (management.transport()) {
            case WINRM -> new WinRmShell(winRm(environment, management), management.secondHop());
            case LOCAL -> new LocalPowerShell(environment.timeouts().read(), WINDOWS_CONSOLE);
            case LAB -> throw new IllegalArgumentException("a lab environment reaches the embedded lab, which gives its own endpoint");
        };
    }

    /** WinRM to the embedded lab: Basic over HTTP on loopback, with the run's fresh credentials. */
    public static ManagementShell forLab(String host, int port, String username, String password, Environment environment) {
        return new WinRmShell(new WinRmSettings(host, port, false, username, password, environment.timeouts().connect(),
                environment.timeouts().read(), Trust.jvmDefault()), environment.exchange().management().secondHop());
    }

    /** With the suite's own credential on the second hop, no ticket is ever forwarded, trusted host or not. */
    static WinRmSettings.Delegation delegation(SecondHop secondHop) {
        return secondHop == SecondHop.CREDENTIAL ? WinRmSettings.Delegation.NEVER : WinRmSettings.Delegation.FOLLOW_KDC_POLICY;
    }

    private static WinRmSettings winRm(Environment environment, Management management) {
        Trust trust = management.certificateSha256().map(Trust::pinnedSha256)
                .or(() -> management.trustStore().map(store -> Trust.trustStore(store,
                        management.trustStorePassword().map(Secret::reveal).orElse(null))))
                .orElseGet(Trust::jvmDefault);
        int port = management.port().orElse(management.https() ? 5986 : 5985);
        WinRmSettings.Delegation delegation = delegation(management.secondHop());
        return new WinRmSettings(management.host().orElseThrow(), port, management.https(), management.username().orElseThrow(),
                management.password().map(Secret::reveal).orElseThrow(), environment.timeouts().connect(), environment.timeouts().read(),
                trust, delegation);
    }
}
