package uccx.compliance.lab.powershell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import uccx.compliance.lab.LabState;

/**
 * The identities a Windows logon token of a domain account carries, as the collector reads them
 * through {@code WindowsIdentity(UPN).User} and {@code .Groups}: the account, the groups it is a
 * member of directly or through other groups, its primary group Domain Users, and the well-known
 * groups Windows adds to every authenticated logon (Everyone, BUILTIN\Users, Authenticated Users,
 * This Organization; "Well-known security identifiers", Microsoft documentation). The lab's SIDs
 * are made up but stable: one domain SID, and a relative ID per name.
 */
record LogonToken(List<Member> members) {

    /** One SID of the token; {@code kind} is {@code account} for the account itself, else {@code group}. */
    record Member(String kind, String sid, String name) {
    }

    private static final String DOMAIN_SID = "S-1-5-21-3623811015-3361044348-30300820";

    static LogonToken of(String account, List<LabState.Group> groups) {
        String domain = account.contains("\\") ? account.substring(0, account.indexOf('\\')) : "LAB";
        List<Member> members = new ArrayList<>();
        members.add(new Member("account", sidOf(account), account));
        members.add(new Member("group", DOMAIN_SID + "-513", domain + "\\Domain Users"));
        members.add(new Member("group", "S-1-1-0", "Everyone"));
        members.add(new Member("group", "S-1-5-32-545", "BUILTIN\\Users"));
        members.add(new Member("group", "S-1-5-11", "NT AUTHORITY\\Authenticated Users"));
        members.add(new Member("group", "S-1-5-15", "NT AUTHORITY\\This Organization"));
        for (String group : memberships(account, groups)) {
            members.add(new Member("group", sidOf(group), group));
        }
        return new LogonToken(List.copyOf(members));
    }

    /** Every group that contains the account, directly or through nested groups. */
    private static Set<String> memberships(String account, List<LabState.Group> groups) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(account));
        while (!pending.isEmpty()) {
            String member = pending.pop();
            for (LabState.Group group : groups) {
                boolean contains = group.members().stream().anyMatch(m -> m.equalsIgnoreCase(member));
                if (contains && found.add(group.name())) {
                    pending.push(group.name());
                }
            }
        }
        return found;
    }

    /** A stable relative ID above the built-in range (RIDs below 1000 are reserved). */
    static String sidOf(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return DOMAIN_SID + "-" + (1100 + crc.getValue() % 100_000);
    }
}
