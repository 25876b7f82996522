package uccx.compliance.collector.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The UCCX account's Active Directory object, read with a base-scope LDAP search (attributes as AD
 * stores them; large integers are FILETIMEs, 100-nanosecond intervals since 1601-01-01 UTC).
 * Sources: Microsoft Learn, "User-Account-Control attribute" and "UserAccountControl property flags"
 * (ACCOUNTDISABLE 0x2, DONT_EXPIRE_PASSWORD 0x10000); MS-ADTS 3.1.1.4.5.17
 * msDS-User-Account-Control-Computed (UF_LOCKOUT 0x10, UF_PASSWORD_EXPIRED 0x800000) and 3.1.1.4.5.18
 * msDS-UserPasswordExpiryTimeComputed (0x7FFFFFFFFFFFFFFF when it never expires; 0 when pwdLastSet is 0);
 * Microsoft Learn, "Max-Pwd-Age attribute" (a negative interval; 0 or the smallest Int64 means no maximum).
 *
 * @param distinguishedName the object's DN
 * @param userAccountControl the stored flags
 * @param computedFlags msDS-User-Account-Control-Computed, absent when the domain controller does not construct it
 * @param pwdLastSet FILETIME of the last change; 0 means it must be changed at the next logon
 * @param lockoutTime FILETIME of the lockout, 0 when not locked out
 * @param expiryComputed msDS-UserPasswordExpiryTimeComputed (Windows Server 2008 and later DCs; covers fine-grained policies)
 * @param domainMaxPwdAge the domain's maxPwdAge (negative 100 ns units), for when the computed expiry is absent
 */
public record DirectoryAccount(String distinguishedName, long userAccountControl, OptionalLong computedFlags, long pwdLastSet,
                               long lockoutTime, OptionalLong expiryComputed, OptionalLong domainMaxPwdAge) {

    public static final long ACCOUNTDISABLE = 0x2;
    public static final long DONT_EXPIRE = 0x10000;
    public static final long UF_LOCKOUT = 0x10;
    public static final long UF_EXPIRED = 0x800000;
    static final long NEVER = Long.MAX_VALUE;
    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

    public boolean disabled() {
        return (userAccountControl & ACCOUNTDISABLE) != 0;
    }

    /** The domain controller's computed lockout flag; without it, a lockoutTime other than 0 (which may have lapsed since). */
    public boolean lockedOut() {
        return computedFlags.isPresent() ? (computedFlags.getAsLong() & UF_LOCKOUT) != 0 : lockoutTime != 0;
    }

    public boolean neverExpires() {
        if ((userAccountControl & DONT_EXPIRE) != 0) {
            return true;
        }
        if (expiryComputed.isPresent()) {
            return expiryComputed.getAsLong() == NEVER;
        }
        return domainMaxPwdAge.isPresent() && (domainMaxPwdAge.getAsLong() == 0 || domainMaxPwdAge.getAsLong() == Long.MIN_VALUE);
    }

    /**
     * When it expires: the computed expiry when the DC gives one, else pwdLastSet + the domain's maxPwdAge;
     * empty when it never expires or nothing says. pwdLastSet 0 (must change at next logon) is expired now.
     */
    public Optional<Instant> expires() {
        if (neverExpires()) {
            return Optional.empty();
        }
        if (expiryComputed.isPresent() && expiryComputed.getAsLong() != 0) {
            return Optional.of(fromFileTime(expiryComputed.getAsLong()));
        }
        if (pwdLastSet == 0) {
            return Optional.of(Instant.EPOCH);
        }
        if (domainMaxPwdAge.isPresent()) {
            return Optional.of(fromFileTime(pwdLastSet).plus(Duration.ofMillis(Math.abs(domainMaxPwdAge.getAsLong()) / 10_000)));
        }
        return Optional.empty();
    }

    /** Whether the domain controller itself says it has expired (the computed flag). */
    public boolean expiredByFlag() {
        return computedFlags.isPresent() && (computedFlags.getAsLong() & UF_EXPIRED) != 0;
    }

    /** Where the expiry came from, for the message and the README. */
    public String expirySource() {
        if ((userAccountControl & DONT_EXPIRE) != 0) {
            return "userAccountControl DONT_EXPIRE_PASSWD";
        }
        if (expiryComputed.isPresent()) {
            return "msDS-UserPasswordExpiryTimeComputed";
        }
        return domainMaxPwdAge.isPresent() ? "pwdLastSet + the domain's maxPwdAge" : "nothing the directory gave";
    }

    public static Instant fromFileTime(long fileTime) {
        long sinceUnix = fileTime - FILETIME_UNIX_EPOCH;
        return Instant.ofEpochSecond(Math.floorDiv(sinceUnix, 10_000_000L), Math.floorMod(sinceUnix, 10_000_000L) * 100);
    }

    public static long toFileTime(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 10_000_000L), instant.getNano() / 100) + FILETIME_UNIX_EPOCH;
    }
}
