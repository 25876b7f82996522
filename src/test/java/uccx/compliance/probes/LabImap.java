package uccx.compliance.probes;

import java.util.List;
import java.util.OptionalInt;
import uccx.compliance.lab.imap.Credentials;
import uccx.compliance.lab.imap.ImapEndpoint;
import uccx.compliance.lab.imap.ImapEndpointSettings;
import uccx.compliance.lab.imap.ImapJournal;
import uccx.compliance.lab.imap.LoginType;
import uccx.compliance.lab.imap.StoreSessions;
import uccx.compliance.lab.winrm.LabCertificate;

/**
 * The lab's Exchange 2010 IMAP4 service, the one IMAP server the probes are tested against: the
 * account of {@link Targets}, a certificate made for the test class, one Client Access server.
 */
final class LabImap {

    /** The account's identity, under which the lab counts its sessions; the probes log in with the bare name. */
    static final String ACCOUNT = "LAB\\uccx";
    static final String GREETING = "* OK The Microsoft Exchange IMAP4 service is ready.";
    private static final Credentials CREDENTIALS = new Credentials(List.of(ACCOUNT, "uccx"), Targets.PASSWORD);

    final LabCertificate certificate = LabCertificate.generate();

    /**
     * One Client Access server as {@code Set-ImapSettings} left it, in front of a store that admits
     * {@code storeLimit} service sessions per user.
     */
    ImapEndpointSettings settings(LoginType loginType, int maxConnectionsPerUser, int storeLimit) {
        return ImapEndpointSettings.exchange2010("EXCH01", new StoreSessions(storeLimit), CREDENTIALS, certificate.serverContext())
                .withLoginType(loginType)
                .withLimits(OptionalInt.of(maxConnectionsPerUser), OptionalInt.of(2000), OptionalInt.of(2000));
    }

    /** How many connections sent the endpoint a command: the lab numbers its sessions, the journal names them. */
    static long sessionsSeen(ImapEndpoint endpoint) {
        return endpoint.journal().entries().stream().mapToInt(ImapJournal.Entry::session).distinct().count();
    }
}
