package uccx.compliance.lab.powershell;

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
