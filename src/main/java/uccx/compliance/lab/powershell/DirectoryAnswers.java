package uccx.compliance.lab.powershell;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uccx.compliance.lab.LabState;

/**
 * What Active Directory tells the script about the UCCX account: the organization object's
 * permission entries that can decide "View Information Store status", and the account's logon
 * token (its SID and its groups').
 */
final class DirectoryAnswers {

    private final LabState state;

    DirectoryAnswers(LabState state) {
        this.state = state;
    }

    /**
     * Every entry the script's filter keeps: those that can grant or deny ms-Exch-Store-Visible. With
     * {@code -User <account>}, Get-ADPermission returns only the entries whose trustee is that
     * account itself, never those of its groups.
     */
    List<Serialized> permissions(String account, String sectionBody) {
        boolean onlyTheAccount = java.util.regex.Pattern.compile("(?i)Get-ADPermission[^|\\n]*\\s-User\\s").matcher(sectionBody).find();
        return state.organizationPermissions().stream().filter(DirectoryAnswers::decidesStoreVisible)
                .filter(p -> !onlyTheAccount || p.user().equalsIgnoreCase(account)).map(p -> (Serialized)
                ExchangeAnswers.record("organizationPermissions", account, "Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject")
                        .with("User", p.user())
                        .with("ExtendedRights", new Serialized.ListOf(List.of("System.Object[]", "System.Array", "System.Object"),
                                p.extendedRights().stream().map(Serialized::text).toList()))
                        .with("AccessRights", p.accessRights())
                        .with("Deny", new Serialized.Bool(p.deny()))
                        .with("IsInherited", new Serialized.Bool(p.inherited()))
                        .build()).toList();
    }

    /** The script's Get-UccxDecidesStoreVisible, so that the lab answers what the script's Where-Object keeps. */
    private static boolean decidesStoreVisible(LabState.Permission p) {
        if (p.accessRights().matches("(?i).*\\bGenericAll\\b.*")) {
            return true;
        }
        if (p.extendedRights().isEmpty()) {
            return p.accessRights().matches("(?i).*\\bExtendedRight\\b.*");
        }
        return p.extendedRights().stream().anyMatch(r -> r.equalsIgnoreCase("ms-Exch-Store-Visible")
                || r.equalsIgnoreCase("d74a875e-22b9-11d3-aa62-00c04f8eedd8"));
    }

    /** Windows Server 2008 and later: msDS-UserPasswordExpiryTimeComputed for an account whose credential never expires (MS-ADTS 3.1.1.4.5.18). */
    static final long NEVER = Long.MAX_VALUE;
    /** userAccountControl and msDS-User-Account-Control-Computed flags (Microsoft Learn, User-Account-Control attribute; MS-ADTS 3.1.1.4.5.17). */
    static final long ACCOUNTDISABLE = 0x2;
    static final long DONT_EXPIRE_PASSWD = 0x10000;
    static final long UF_LOCKOUT = 0x10;
    static final long UF_PASSWORD_EXPIRED = 0x800000;
    /** 1970-01-01 as a FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

    private static long fileTime(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 10_000_000L), instant.getNano() / 100) + FILETIME_UNIX_EPOCH;
    }

    /**
     * The account section's one record: Get-User finds the account by its mailbox's SamAccountName; its directory
     * object then answers as a Windows Server 2008 R2 domain controller would (MS-ADTS 3.1.1.4.5.17 and .18): the
     * stored userAccountControl, the computed lockout and expiry flags, pwdLastSet and lockoutTime as FILETIMEs, the
     * computed expiry, and the domain's maxPwdAge (a negative interval; 0 days is stored as the smallest Int64, which
     * means no maximum). Every value goes out as text, as the script casts it.
     */
    List<Serialized> account(String account, Instant now) throws ExchangeAnswers.CmdletError {
        LabState.Mailbox owner = owner(account);
        LabState.Account a = owner.account();
        String alias = owner.samAccountName().contains("\\") ? owner.samAccountName().substring(owner.samAccountName().indexOf('\\') + 1)
                : owner.samAccountName();
        long maxAgeDays = state.windows().maxPwdAgeDays();
        long uac = 0x200 | (a.enabled() ? 0 : ACCOUNTDISABLE) | (a.pwdNeverExpires() ? DONT_EXPIRE_PASSWD : 0);
        Instant lastSet = now.minus(Duration.ofDays(a.pwdLastSetDaysAgo()));
        long expiry = a.pwdNeverExpires() || maxAgeDays == 0 ? NEVER : fileTime(lastSet.plus(Duration.ofDays(maxAgeDays)));
        boolean expired = expiry != NEVER && !now.isBefore(lastSet.plus(Duration.ofDays(maxAgeDays)));
        long computed = (a.lockedOut() ? UF_LOCKOUT : 0) | (expired ? UF_PASSWORD_EXPIRED : 0);
        long lockoutTime = a.lockedOut() ? fileTime(now.minus(Duration.ofMinutes(5))) : 0;
        long maxPwdAge = maxAgeDays == 0 ? Long.MIN_VALUE : -Duration.ofDays(maxAgeDays).toMillis() * 10_000;
        // New-Object PSObject -Property $record: PowerShell 2.0 writes a hashtable's keys as they hash.
        return List.of(Serialized.customObject(null).with("PwdLastSet", Long.toString(fileTime(lastSet)))
                .with("UccxTarget", account).with("ComputedFlags", Long.toString(computed)).with("UccxFact", "account")
                .with("LockoutTime", Long.toString(lockoutTime)).with("DistinguishedName", "CN=" + alias + ",CN=Users,DC=lab,DC=example,DC=com")
                .with("PwdExpiresComputed", Long.toString(expiry)).with("UserAccountControl", Long.toString(uac))
                .with("MaxPwdAge", Long.toString(maxPwdAge)).with("UccxRecord", "fact").build());
    }

    private LabState.Mailbox owner(String account) throws ExchangeAnswers.CmdletError {
        return state.mailboxes().stream().filter(m -> m.samAccountName().equalsIgnoreCase(account)).findFirst()
                .orElseThrow(() -> ExchangeAnswers.notFound(account));
    }

    /** The account's own SID and its logon token's groups, as the script's accountGroups section writes them. */
    List<Serialized> accountGroups(String account) throws ExchangeAnswers.CmdletError {
        LabState.Mailbox owner = state.mailboxes().stream().filter(m -> m.samAccountName().equalsIgnoreCase(account)).findFirst()
                .orElseThrow(() -> ExchangeAnswers.notFound(account));
        List<Serialized> records = new ArrayList<>();
        for (LogonToken.Member member : LogonToken.of(owner.samAccountName(), state.windows().groups()).members()) {
            // New-Object PSObject -Property @{...}: PowerShell 2.0 writes the keys as they hash.
            records.add(Serialized.customObject(null).with("Sid", member.sid()).with("UccxTarget", account).with("Kind", member.kind())
                    .with("UccxFact", "accountGroups").with("Name", member.name()).with("UccxRecord", "fact").build());
        }
        return records;
    }
}
