package uccx.compliance.probes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every login with the UCCX credentials asks here first and reports here what came of it, so that
 * a wrong password reaches the server at most once, ever, until it changes: a wrong password tried
 * again counts towards Active Directory's lockout threshold ("Account lockout threshold", Microsoft
 * Learn, Windows security policy settings), and a locked UCCX account stops email routing for the
 * whole contact center.
 *
 * <p>Within a run: a login whose password left and that did not succeed (refused, timed out, or
 * the connection reset) stops every later login with these credentials in the run. Strictness:
 * <b>at most one login with the password awaits its answer at any time</b> (the wire turn below,
 * fair, so probes take turns in the order they asked). The capacity probe's sessions still connect,
 * say hello and start TLS in parallel; only LOGIN or AUTHENTICATE and its answer are taken in turn,
 * so that a refusal is seen before the next password is sent, also when the server refuses only
 * after some sessions succeeded. The price is one login's round trip per session, one after another.
 *
 * <p>Across runs: a refusal of credentials no login of the run was accepted with is told to the
 * {@link RefusalMemory}; later runs find it there and send nothing until the password changes. A
 * refusal after an accepted login of the same run (a per-user or store limit, which Exchange
 * answers alike) stops the run's logins but is not remembered: the password was right.
 */
public final class CredentialGuard {

    /** How the run stands with one set of credentials, as {@code summary.json} says it ({@code credentials.uccx.state}). */
    public enum State {
        /** A server accepted them in this run. */
        ACCEPTED("accepted"),
        /** A server refused them in this run; remembered for later runs. */
        REFUSED("refused"),
        /** An earlier run saw them refused; nothing was sent in this run. */
        REFUSED_EARLIER("refused-earlier"),
        /** The password left in this run and no answer came (time-out, connection reset); not tried again in the run. */
        UNANSWERED("unanswered"),
        /** The memory of refused passwords could not be read, so nothing was sent. */
        NOT_TRIED("not-tried"),
        /** No probe asked for them. */
        NOT_USED("not-used");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param since the run the state dates from: this run for accepted, refused and unanswered, the
     *              refusing run for refused-earlier; empty for not-tried and not-used
     */
    public record Standing(State state, Optional<String> since) {
    }

    /** Why credentials are not sent, for a probe's report. */
    public record Withheld(Reason reason, String detail) {
    }

    public enum Reason {
        /** Refused (or unanswered) earlier in this run. */
        STOPPED_IN_THIS_RUN,
        /** Refused in an earlier run, remembered. */
        REFUSED_IN_EARLIER_RUN,
        /** The memory could not be read. */
        MEMORY_UNREADABLE
    }

    /** What one login's turn came to; the caller reports exactly one outcome and the turn ends with it. */
    public interface Turn {
        void accepted();

        /**
         * @param serverText     the server's words, e.g. {@code NO AUTHENTICATE failed.}
         * @param passwordJudged false when the refusal itself shows the password was accepted (the
         *                       store's {@code Server Unavailable. 15} comes only after Active Directory said yes)
         */
        void refused(String serverText, boolean passwordJudged);

        /** The password left and no answer came. */
        void unanswered(String reason);

        /** The login failed before the password was sent (e.g. no login method offered): nothing is marked. */
        void notSent();
    }

    private final String runId;
    private final RefusalMemory memory;
    private final ReentrantLock wire = new ReentrantLock(true);
    /** Guarded by {@code this}. */
    private final Map<UccxCredentials, Standing> standings = new HashMap<>();
    /** Guarded by {@code this}: why a credential is stopped in this run. */
    private final Map<UccxCredentials, String> stopped = new HashMap<>();

    /** @param runId the run's id, as its folder under {@code reports/<env>/} is named */
    public CredentialGuard(String runId, RefusalMemory memory) {
        this.runId = runId;
        this.memory = memory;
    }

    /** A guard for one run that remembers nothing between runs: for probes used outside a run. */
    public CredentialGuard() {
        this("this run", RefusalMemory.NONE);
    }

    /** Why these credentials must not be sent now, if so; empty when they may be. Never blocks on the wire. */
    public synchronized Optional<Withheld> withheld(UccxCredentials credentials) {
        Standing standing = standings.computeIfAbsent(credentials, this::firstLook);
        return switch (standing.state()) {
            case REFUSED_EARLIER -> Optional.of(new Withheld(Reason.REFUSED_IN_EARLIER_RUN, "refused in run "
                    + standing.since().orElse("?") + "; not tried again until the password changes"));
            case NOT_TRIED -> Optional.of(new Withheld(Reason.MEMORY_UNREADABLE, memory.unreadable().orElse("the memory is unreadable")
                    + "; the password is not sent, since a refusal kept there could have been lost"));
            default -> Optional.ofNullable(stopped.get(credentials)).map(why -> new Withheld(Reason.STOPPED_IN_THIS_RUN, why));
        };
    }

    /** How the run stands with these credentials. */
    public synchronized Standing standing(UccxCredentials credentials) {
        return standings.getOrDefault(credentials, new Standing(State.NOT_USED, Optional.empty()));
    }

    /**
     * How the run stands with the account's credentials; a run uses one password per account, and
     * reports by the account since a run without probes (a replay) may have no password at all.
     */
    public synchronized Standing standingOfAccount(String account) {
        return standings.entrySet().stream().filter(e -> e.getKey().account().equalsIgnoreCase(account)).map(Map.Entry::getValue)
                .findFirst().orElse(new Standing(State.NOT_USED, Optional.empty()));
    }

    /**
     * Waits for the wire (no other login with the password awaiting its answer), then says whether
     * the password may go: a turn to report on, or why not. Called right before LOGIN or
     * AUTHENTICATE, once the connection is ready.
     *
     * @throws InterruptedException when the probe's deadline ends the wait
     */
    public Turn awaitTurn(UccxCredentials credentials) throws InterruptedException, WithheldException {
        Optional<Withheld> before = withheld(credentials);
        if (before.isPresent()) {
            throw new WithheldException(before.get());
        }
        wire.lockInterruptibly();
        // Another login may have been refused while this one waited.
        Optional<Withheld> now = withheld(credentials);
        if (now.isPresent()) {
            wire.unlock();
            throw new WithheldException(now.get());
        }
        return new WireTurn(credentials);
    }

    /** Thrown by {@link #awaitTurn} when the credentials must not be sent. */
    public static final class WithheldException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Withheld withheld;

        WithheldException(Withheld withheld) {
            super(withheld.detail());
            this.withheld = withheld;
        }

        public Withheld withheld() {
            return withheld;
        }
    }

    /** The first time credentials are seen in the run: the memory decides whether they may be sent at all. */
    private Standing firstLook(UccxCredentials credentials) {
        if (memory.unreadable().isPresent()) {
            return new Standing(State.NOT_TRIED, Optional.empty());
        }
        return memory.refusedIn(credentials).map(run -> new Standing(State.REFUSED_EARLIER, Optional.of(run)))
                .orElse(new Standing(State.NOT_USED, Optional.empty()));
    }

    private synchronized void accept(UccxCredentials credentials) {
        if (standing(credentials).state() == State.NOT_USED) {
            standings.put(credentials, new Standing(State.ACCEPTED, Optional.of(runId)));
        }
    }

    private synchronized void refuse(UccxCredentials credentials, String serverText, boolean passwordJudged) {
        State state = standing(credentials).state();
        if (state == State.ACCEPTED || !passwordJudged) {
            stopped.putIfAbsent(credentials, "a login of this run was refused (\"" + serverText + "\") after the password had been "
                    + "accepted: a limit; no further login is sent in this run");
            if (state == State.NOT_USED) {
                // Exchange answers the store's limit only after Active Directory accepted the password.
                standings.put(credentials, new Standing(State.ACCEPTED, Optional.of(runId)));
            }
            return;
        }
        stopped.putIfAbsent(credentials, "refused earlier in this run (\"" + serverText + "\"); not tried again in this run");
        if (state != State.REFUSED) {
            standings.put(credentials, new Standing(State.REFUSED, Optional.of(runId)));
            memory.remember(credentials, runId);
        }
    }

    private synchronized void leaveUnanswered(UccxCredentials credentials, String reason) {
        stopped.putIfAbsent(credentials, "a login of this run got no answer after the password was sent (" + reason
                + "); not tried again in this run");
        if (standing(credentials).state() == State.NOT_USED) {
            standings.put(credentials, new Standing(State.UNANSWERED, Optional.of(runId)));
        }
    }

    /** One login's hold on the wire; the first outcome reported releases it, later ones are ignored. */
    private final class WireTurn implements Turn {
        private final UccxCredentials credentials;
        private boolean over;

        WireTurn(UccxCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public void accepted() {
            end(() -> accept(credentials));
        }

        @Override
        public void refused(String serverText, boolean passwordJudged) {
            end(() -> refuse(credentials, serverText, passwordJudged));
        }

        @Override
        public void unanswered(String reason) {
            end(() -> leaveUnanswered(credentials, reason));
        }

        @Override
        public void notSent() {
            end(() -> { });
        }

        private synchronized void end(Runnable outcome) {
            if (over) {
                return;
            }
            over = true;
            try {
                outcome.run();
            } finally {
                wire.unlock();
            }
        }
    }
}
