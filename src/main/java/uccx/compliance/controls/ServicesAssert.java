package uccx.compliance.controls;

import java.util.Optional;
import uccx.compliance.collector.facts.WindowsService;

/** SVC-01: a service of a server starts automatically and runs, as WMI's Win32_Service shows it. */
public class ServicesAssert extends DomainAssert<ServicesAssert, ServerServices> {

    public ServicesAssert(ServerServices actual) {
        super(actual, ServicesAssert.class);
    }

    /** StartMode Auto (Win32_Service's word for Automatic). */
    public ServicesAssert startsAutomatically(String name) {
        WindowsService service = installed(name, "StartMode");
        if (!service.startsAutomatically()) {
            throw new SettingViolation(name + " StartMode", "Auto", service.startMode(), Optional.empty());
        }
        return complies(name + " StartMode", "Auto", service.startMode());
    }

    /** State Running. */
    public ServicesAssert isRunning(String name) {
        WindowsService service = installed(name, "State");
        if (!service.isRunning()) {
            throw new SettingViolation(name + " State", "Running", service.state(), Optional.empty());
        }
        return complies(name + " State", "Running", service.state() + " since " + service.startedAt().map(Object::toString).orElse("?"));
    }

    /** A service WMI does not list is not installed. */
    private WindowsService installed(String name, String setting) {
        isNotNull();
        return actual.service(name).orElseThrow(() -> new SettingViolation(name + " " + setting, "installed, " + setting + " "
                + (setting.equals("State") ? "Running" : "Auto"), "not listed by Win32_Service on " + actual.server() + ": not installed",
                Optional.empty()));
    }
}
