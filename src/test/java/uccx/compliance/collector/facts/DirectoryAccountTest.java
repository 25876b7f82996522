package uccx.compliance.collector.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * MBX-01's reading of the account's directory object: the computed expiry when the domain controller gives it, else
 * pwdLastSet + the domain's maxPwdAge (MS-ADTS 3.1.1.4.5.17 and 3.1.1.4.5.18).
 */
class DirectoryAccountTest {

    private static final Instant SET = Instant.parse("2026-11-01T08:00:00Z");
    private static final long NINETY_DAYS = -Duration.ofDays(90).toMillis() * 10_000;

    private static DirectoryAccount account(long uac, OptionalLong computedFlags, long pwdLastSet, long lockoutTime,
                                            OptionalLong expiry, OptionalLong maxAge) {
        return new DirectoryAccount("CN=uccx,CN=Users,DC=lab,DC=example,DC=com", uac, computedFlags, pwdLastSet, lockoutTime, expiry, maxAge);
    }

    @Test
    void fileTimesRoundTrip() {
        assertThat(DirectoryAccount.fromFileTime(DirectoryAccount.toFileTime(SET))).isEqualTo(SET);
        // 1601-01-01 is FILETIME 0.
        assertThat(DirectoryAccount.fromFileTime(0)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
    }

    @Test
    void theComputedExpiryWinsOverTheDomainsMaximumAge() {
        Instant fineGrained = SET.plus(Duration.ofDays(30));
        DirectoryAccount a = account(0x200, OptionalLong.of(0), DirectoryAccount.toFileTime(SET), 0,
                OptionalLong.of(DirectoryAccount.toFileTime(fineGrained)), OptionalLong.of(NINETY_DAYS));
        assertThat(a.expires()).contains(fineGrained);
        assertThat(a.expirySource()).isEqualTo("msDS-UserPasswordExpiryTimeComputed");
    }

    @Test
    void withoutTheComputedExpiryTheDomainsMaximumAgeCounts() {
        DirectoryAccount a = account(0x200, OptionalLong.empty(), DirectoryAccount.toFileTime(SET), 0, OptionalLong.empty(),
                OptionalLong.of(NINETY_DAYS));
        assertThat(a.expires()).contains(SET.plus(Duration.ofDays(90)));
        assertThat(a.expirySource()).isEqualTo("pwdLastSet + the domain's maxPwdAge");
    }

    @Test
    void neverExpiresByFlagByComputedValueOrByADomainWithoutMaximum() {
        assertThat(account(0x10200, OptionalLong.empty(), DirectoryAccount.toFileTime(SET), 0, OptionalLong.empty(),
                OptionalLong.of(NINETY_DAYS)).neverExpires()).isTrue();
        assertThat(account(0x200, OptionalLong.of(0), DirectoryAccount.toFileTime(SET), 0, OptionalLong.of(Long.MAX_VALUE),
                OptionalLong.of(NINETY_DAYS)).expires()).isEmpty();
        assertThat(account(0x200, OptionalLong.empty(), DirectoryAccount.toFileTime(SET), 0, OptionalLong.empty(),
                OptionalLong.of(Long.MIN_VALUE)).neverExpires()).isTrue();
        assertThat(account(0x200, OptionalLong.empty(), DirectoryAccount.toFileTime(SET), 0, OptionalLong.empty(),
                OptionalLong.of(0)).neverExpires()).isTrue();
    }

    @Test
    void mustChangeAtNextLogonIsExpiredNow() {
        // MS-ADTS: pwdLastSet 0 makes the computed expiry 0 and sets UF_PASSWORD_EXPIRED.
        DirectoryAccount a = account(0x200, OptionalLong.of(DirectoryAccount.UF_EXPIRED), 0, 0, OptionalLong.of(0),
                OptionalLong.of(NINETY_DAYS));
        assertThat(a.expiredByFlag()).isTrue();
        assertThat(a.expires()).contains(Instant.EPOCH);
    }

    @Test
    void lockoutIsTheComputedFlagWhenThereIsOneElseANonZeroLockoutTime() {
        long lockedAt = DirectoryAccount.toFileTime(SET);
        // A lockout that has lapsed: lockoutTime stays, the DC no longer computes UF_LOCKOUT.
        assertThat(account(0x200, OptionalLong.of(0), 1, lockedAt, OptionalLong.empty(), OptionalLong.empty()).lockedOut()).isFalse();
        assertThat(account(0x200, OptionalLong.of(DirectoryAccount.UF_LOCKOUT), 1, lockedAt, OptionalLong.empty(), OptionalLong.empty())
                .lockedOut()).isTrue();
        assertThat(account(0x200, OptionalLong.empty(), 1, lockedAt, OptionalLong.empty(), OptionalLong.empty()).lockedOut()).isTrue();
    }

    @Test
    void disabledIsAccountDisableInUserAccountControl() {
        assertThat(account(0x202, OptionalLong.empty(), 1, 0, OptionalLong.empty(), OptionalLong.empty()).disabled()).isTrue();
        assertThat(account(0x200, OptionalLong.empty(), 1, 0, OptionalLong.empty(), OptionalLong.empty()).disabled()).isFalse();
    }
}
