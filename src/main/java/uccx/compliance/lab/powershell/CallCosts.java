package uccx.compliance.lab.powershell;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import uccx.compliance.lab.LatencyModel;

/**
 * What the script's calls cost the lab's Exchange, counted and paid where a real organisation
 * pays them (see {@link LatencyModel}): an Exchange cmdlet call is a read of Active Directory, plus
 * a little for each object it returns; a question to a Mailbox server itself (its remote registry,
 * its event log) is an RPC call, paid on the runspace that asks it. The thread that answers pays,
 * never a thread of the suite.
 */
public final class CallCosts {

    private final LatencyModel model;
    private final AtomicInteger adCalls = new AtomicInteger();
    private final AtomicInteger objects = new AtomicInteger();
    private final AtomicInteger rpcCalls = new AtomicInteger();

    public CallCosts(LatencyModel model) {
        this.model = model;
    }

    /**
     * One call of a fact's section for one target, before it answers: a failing call costs as much
     * as one that answers, Exchange is asked either way.
     */
    void call(String fact) {
        switch (fact) {
            // the services' Win32_Service query (each running service's Win32_Process query is one more: processQuery)
            case "registry", "storeEvents", "services" -> rpcCall();
            // Get-OrganizationConfig, then Get-ADPermission on it; Get-User, then the account's logon token
            // (WindowsIdentity(UPN) asks a domain controller for its groups, an S4U logon).
            case "organizationPermissions", "accountGroups" -> {
                adCall();
                adCall();
            }
            // Get-User, then two base-scope LDAP searches: the account's object and its domain's maxPwdAge.
            case "account" -> {
                adCall();
                adCall();
                adCall();
            }
            default -> adCall();
        }
    }

    /** What the call returned: {@code records} data records of the fact, as the section writes them. */
    void returned(String fact, int records) {
        switch (fact) {
            // RPC answers: the call's own cost covers them.
            case "registry", "storeEvents", "services" -> { }
            // the organization object, then its permission entries
            case "organizationPermissions" -> objects(1 + records);
            // Get-User's one user; the SIDs come from the token, not from a cmdlet
            case "accountGroups" -> objects(1);
            // Get-User's one user; the directory's two entries come with the searches
            case "account" -> objects(1);
            default -> objects(records);
        }
    }

    /** A WMI query for a running service's process (Win32_Process): one more RPC call to that server. */
    void processQuery() {
        rpcCall();
    }

    private void adCall() {
        adCalls.incrementAndGet();
        pay(model.adCall());
    }

    private void objects(int count) {
        objects.addAndGet(count);
        pay(model.perObject().multipliedBy(count));
    }

    private void rpcCall() {
        rpcCalls.incrementAndGet();
        pay(model.rpcCall());
    }

    private static void pay(Duration cost) {
        if (cost.isZero()) {
            return;
        }
        try {
            Thread.sleep(cost.toMillis());
        } catch (InterruptedException closing) {
            // The lab is closing: the answer is no longer awaited, so it may finish at once.
            Thread.currentThread().interrupt();
        }
    }

    /** Exchange cmdlet calls answered (Active Directory reads). */
    public int adCalls() {
        return adCalls.get();
    }

    /** Objects those calls returned. */
    public int objects() {
        return objects.get();
    }

    /** RPC calls to the servers themselves (remote registry, remote event log, WMI). */
    public int rpcCalls() {
        return rpcCalls.get();
    }
}
