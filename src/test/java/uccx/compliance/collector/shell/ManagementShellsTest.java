package uccx.compliance.collector.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uccx.compliance.environment.SecondHop;

/** Which ticket a site's choice of second hop lets leave the runner. */
class ManagementShellsTest {

    @Test
    void delegationFollowsTheKdcAndTheSuitesOwnCredentialForwardsNoTicketAtAll() {
        assertThat(ManagementShells.delegation(SecondHop.DELEGATION)).isEqualTo(WinRmSettings.Delegation.FOLLOW_KDC_POLICY);
        assertThat(ManagementShells.delegation(SecondHop.CREDENTIAL)).isEqualTo(WinRmSettings.Delegation.NEVER);
    }
}
