package uccx.compliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's floor and ratio. Not timed. The floor is what Exchange must do at least: one
 * shell start and one command's round trips, then the larger of the directory reads (one per fact
 * Exchange answers for the whole organisation, one per target where it cannot, each with its
 * objects) and the slowest server's own Windows facts, which run beside them; and the larger of
 * that collection and the slowest live probe, which also runs beside it.
 */
class BenchLatencyTest {

    private final BenchLatency issue = BenchLatency.ISSUE;

    /** 20 servers with every role, 50 connectors, one permission entry, three throttling policies. */
    private final BenchShape twenty = new BenchShape(20, 20, 50, 1, 3);

    @Test
    void theDirectoryReadsAreOnePerOrganisationWideFactAndOnePerTargetWhereExchangeCannotAnswerForAll() {
        // Get-ExchangeServer 1, Get-ImapSettings 20, Get-OrganizationConfig + Get-ADPermission 2, Get-User + token 2,
        // Get-ReceiveConnector 1 (not 50), Get-MailboxDatabase 1, Get-Mailbox 1, Get-ThrottlingPolicy 1, Get-CASMailbox 1,
        // the account's Get-User and its two LDAP reads 3
        assertThat(twenty.adCalls()).isEqualTo(33);
        // servers 20, IMAP settings 20, organization + entry 2, user 1, connectors 50, database 1, mailbox 1, policies 3,
        // CAS mailbox 1, the account's user 1
        assertThat(twenty.objects()).isEqualTo(100);
        assertThat(issue.directoryMillis(twenty)).isEqualTo(33 * 100 + 100 * 5);
    }

    @Test
    void theCollectionFloorIsOneShellStartFourRoundTripsAndTheLongerOfTheDirectoryReadsAndTheSlowestServer() {
        assertThat(issue.collectionFloorMillis(twenty)).isEqualTo(3000 + 4 * 50 + 33 * 100 + 100 * 5);
        // a lab whose cmdlets cost nothing: the slowest server's own RPC is what remains, its services read's three calls
        BenchLatency rpcOnly = new BenchLatency(3000, 50, 0, 0, 200, 150);
        assertThat(rpcOnly.collectionFloorMillis(twenty)).isEqualTo(3000 + 4 * 50 + 3 * 200);
    }

    @Test
    void aHundredServersCostTheirImapSettingsOneByOneButTheirConnectorsInOneRead() {
        BenchShape hundred = new BenchShape(100, 100, 250, 1, 3);
        assertThat(hundred.adCalls()).isEqualTo(113);
        assertThat(issue.collectionFloorMillis(hundred)).isEqualTo(3000 + 200 + 113 * 100 + (100 + 100 + 2 + 1 + 250 + 1 + 1 + 3 + 1 + 1) * 5);
    }

    @Test
    void theCapacityFloorIsOneLoginLatencyPerSessionBecausePasswordsGoOneAtATime() {
        assertThat(issue.capacityFloorMillis(802)).isEqualTo(802 * 150);
        assertThat(issue.capacityFloorMillis(1)).isEqualTo(150);
    }

    @Test
    void theFloorIsTheLargerOfTheCollectionAndTheSlowestLiveProbe() {
        BenchShape one = new BenchShape(1, 1, 2, 1, 3);
        assertThat(issue.floorMillis(one, 802)).as("one server: the capacity probe").isEqualTo(120_300);
        BenchShape hundred = new BenchShape(100, 100, 250, 1, 3);
        assertThat(issue.floorMillis(hundred, 802)).as("a hundred servers: still the capacity probe").isEqualTo(120_300);
        assertThat(issue.floorMillis(hundred, 100)).as("a hundred servers, 49 agents: the collection").isEqualTo(16_800);
    }

    @Test
    void ratioIsWallOverFloor() {
        assertThat(BenchLatency.ratio(21900, 14600)).isEqualTo(1.5);
    }

    @Test
    void aResultIsReadFromTheRunSummary() throws Exception {
        var summary = new ObjectMapper().readTree("""
                {"started": "2026-01-01T00:00:00Z", "finished": "2026-01-01T00:02:09.750Z", "remoteCommands": 1,
                 "outcomes": {"compliant": 139, "non-compliant": 0},
                 "measurements": {"collectionMillis": 6500, "capacityMillis": 121000, "capacitySessions": "802 of 802",
                                  "labAdCalls": 28, "labObjects": 97, "labRpcCalls": 40}}""");
        BenchResult result = BenchResult.of(new BenchSize(20, 50), twenty, summary, issue, 802, 180);
        assertThat(result.wallMs()).isEqualTo(129_750);
        assertThat(result.floorMs()).isEqualTo(120_300);
        assertThat(result.ratio()).isEqualTo(129_750.0 / 120_300);
        long collectionFloor = issue.collectionFloorMillis(twenty);
        assertThat(result.collectionFloorMs()).isEqualTo(collectionFloor);
        assertThat(result.collectionRatio()).isEqualTo(6500.0 / collectionFloor);
        assertThat(result.capacitySessions()).isEqualTo(802);
        assertThat(result.labAdCalls()).isEqualTo(28);
        assertThat(result.labRpcCalls()).isEqualTo(40);
        assertThat(result.outcomes()).isEqualTo("139 compliant");
    }
}
