package uccx.compliance.run;

import java.util.List;
import java.util.Optional;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.ImapSecurity;
import uccx.compliance.environment.Secret;
import uccx.compliance.lab.Lab;
import uccx.compliance.lab.LabMail;
import uccx.compliance.probes.MailTarget;
import uccx.compliance.probes.UccxCredentials;
import uccx.compliance.tls.Trust;

/** Where the live probes go and with which account: the environment's endpoints, else the lab's. */
final class MailTargets {

    private final Environment environment;
    private final Optional<Lab> lab;

    MailTargets(Environment environment, Optional<Lab> lab) {
        this.environment = environment;
        this.lab = lab;
    }

    /** {@code imap} of the environment, else the lab's first Client Access server. */
    MailTarget imap() {
        return environment.imap().map(e -> MailTarget.of(e, environment.timeouts()))
                .orElseGet(() -> labTarget(requireLab("no imap endpoint in the environment").mail().imapEndpoints()));
    }

    /** {@code smtp} of the environment, else the lab's first receive connector. */
    MailTarget smtp() {
        return environment.smtp().map(e -> MailTarget.of(e, environment.timeouts()))
                .orElseGet(() -> labTarget(requireLab("no smtp endpoint in the environment").mail().smtpEndpoints()));
    }

    /** host:port as written, or the lab server it plays (its port changes every run). */
    String imapName() {
        return environment.imap().map(e -> e.host() + ":" + e.port())
                .orElseGet(() -> lab.orElseThrow().mail().imapEndpoints().get(0).server());
    }

    String smtpName() {
        return environment.smtp().map(e -> e.host() + ":" + e.port())
                .orElseGet(() -> lab.orElseThrow().mail().smtpEndpoints().get(0).server());
    }

    /** The UCCX account and its password: the environment's, else the one the lab made for this run. */
    UccxCredentials uccxCredentials() {
        Secret password = environment.uccx().password().orElseGet(() -> new Secret("the lab (made for this run)",
                requireLab("uccx.password is missing").mail().uccxPassword()));
        return new UccxCredentials(environment.uccx().account(), password);
    }

    private Lab requireLab(String otherwise) {
        return lab.orElseThrow(() -> new IllegalStateException(otherwise));
    }

    private MailTarget labTarget(List<LabMail.Endpoint> endpoints) {
        LabMail.Endpoint first = endpoints.stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the lab state has no server for this endpoint"));
        // The lab's certificate is pinned: even in the lab, nothing is trusted blindly.
        return new MailTarget(first.host(), first.port(), ImapSecurity.NONE,
                new Trust.PinnedSha256(lab.orElseThrow().mail().certificateSha256()), environment.timeouts().connect(),
                environment.timeouts().read());
    }
}
