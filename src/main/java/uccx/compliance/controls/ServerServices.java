package uccx.compliance.controls;

import java.util.List;
import java.util.Optional;
import uccx.compliance.collector.facts.WindowsService;

/** The Exchange services WMI listed on one server (MSExchangeIMAP4, MSExchangeIS). */
public record ServerServices(String server, List<WindowsService> services) {

    public static final String IMAP4 = "MSExchangeIMAP4";
    public static final String STORE = "MSExchangeIS";

    public ServerServices {
        services = List.copyOf(services);
    }

    public Optional<WindowsService> service(String name) {
        return services.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
