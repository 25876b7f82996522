package uccx.compliance.probes;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import uccx.compliance.probes.CapacityResult.Outcome;
import uccx.compliance.environment.Durations;

/**
 * LIVE-02: holds 2 × (agents + 1) IMAP sessions of the UCCX account at once, as the UCCX server
 * and every agent desktop together do. Opt-in and bounded: at most {@code threads} logins in
 * flight (connecting and starting TLS in parallel, each password sent in turn through the
 * {@link CredentialGuard}, so that at most one login is ever refused), one overall deadline, and no
 * new login once the server has refused one.
 */
public final class Capacity {

    /**
     * How many sessions LIVE-02 connects and takes through TLS at once: enough to be quick, few
     * enough to be gentle. Their passwords still go one at a time.
     */
    public static final int LOGINS_IN_FLIGHT = 16;

    /** What LIVE-02 allows whatever the number of sessions: the connects, TLS and the first logins. */
    static final Duration BASE_DEADLINE = Duration.ofSeconds(60);

    /**
     * What LIVE-02 allows each session on top: its login waits for the one before it to be answered
     * (one password awaiting an answer at a time), so the probe's time grows with the sessions. An
     * Exchange 2010 IMAP login checked against a domain controller on a LAN answers in tens of
     * milliseconds; 250 ms leaves room for a busy Client Access server without letting a stalled one
     * hold the run for long.
     */
    static final Duration PER_SESSION = Duration.ofMillis(250);

    private final MailTarget target;
    private final CredentialGuard guard;
    private final int threads;
    private final Duration deadline;

    public Capacity(MailTarget target, CredentialGuard guard, int threads, Duration deadline) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.target = target;
        this.guard = guard;
        this.threads = threads;
        this.deadline = deadline;
    }

    /**
     * LIVE-02's overall deadline for this many sessions: {@link #BASE_DEADLINE} plus {@link #PER_SESSION}
     * for each (802 sessions, 400 agents: 260.5 s; a login answered in 150 ms takes 120 s of it).
     */
    public static Duration deadlineFor(int sessions) {
        return BASE_DEADLINE.plus(PER_SESSION.multipliedBy(Math.max(0, sessions)));
    }

    public CapacityResult run(UccxCredentials credentials, int sessions) {
        Optional<CredentialGuard.Withheld> withheld = guard.withheld(credentials);
        if (withheld.isPresent()) {
            return skipped(sessions, withheld.get());
        }
        long start = System.nanoTime();
        TlsClient tls;
        try {
            tls = TlsClient.of(target.trust());
        } catch (ProbeException e) {
            return new CapacityResult(Outcome.COULD_NOT_VERIFY, sessions, 0, Optional.empty(), Duration.ZERO, e.getMessage());
        }
        ImapLogins logins = new ImapLogins(target, tls, guard);
        OpenSessions open = new OpenSessions();
        try {
            // One login alone first: a wrong password fails once, and the others then find the guard closed
            // before they even connect.
            ImapLogins.Attempt first = logins.login(credentials, null);
            if (first instanceof ImapLogins.NotSent notSent) {
                return skipped(sessions, notSent.withheld());
            }
            if (first instanceof ImapLogins.Refused refused) {
                return new CapacityResult(Outcome.CREDENTIALS_REJECTED, sessions, 0, Optional.of(refused.serverText()),
                        since(start), "the first login was refused; nothing more was tried");
            }
            if (first instanceof ImapLogins.Failed failed) {
                return new CapacityResult(Outcome.COULD_NOT_VERIFY, sessions, 0, Optional.empty(), since(start),
                        target.describe() + ": " + failed.reason());
            }
            open.add(((ImapLogins.Opened) first).store());
            return theRest(logins, credentials, sessions, open, start);
        } finally {
            open.closeAll();
        }
    }

    private CapacityResult theRest(ImapLogins logins, UccxCredentials credentials, int sessions, OpenSessions open, long start) {
        AtomicReference<String> firstRejection = new AtomicReference<>();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicReference<String> stopped = new AtomicReference<>();
        long end = start + deadline.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, sessions - 1)), runnable -> {
            Thread t = new Thread(runnable, "capacity-probe");
            // A login stuck past the deadline must not keep the JVM alive; its socket timeout ends it anyway.
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 1; i < sessions; i++) {
                pool.execute(() -> {
                    if (firstRejection.get() != null || firstFailure.get() != null || stopped.get() != null
                            || System.nanoTime() > end) {
                        return;
                    }
                    ImapLogins.Attempt a = logins.login(credentials, null);
                    if (a instanceof ImapLogins.Opened opened) {
                        if (!open.add(opened.store())) {
                            ImapLogins.closeQuietly(opened.store());
                        }
                    } else if (a instanceof ImapLogins.Refused refused) {
                        firstRejection.compareAndSet(null, refused.serverText());
                    } else if (a instanceof ImapLogins.Failed failed) {
                        firstFailure.compareAndSet(null, failed.reason());
                    } else if (a instanceof ImapLogins.NotSent notSent) {
                        stopped.compareAndSet(null, notSent.withheld().detail());
                    }
                });
            }
            pool.shutdown();
            boolean finished = pool.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            Duration took = since(start);
            int succeeded = open.opened();
            Optional<String> rejection = Optional.ofNullable(firstRejection.get());
            if (rejection.isPresent()) {
                return new CapacityResult(Outcome.LIMIT_REACHED, sessions, succeeded, rejection, took,
                        succeeded + " of " + sessions + " sessions logged in; then the server refused: \"" + rejection.get()
                                + "\"; no further login was sent");
            }
            if (firstFailure.get() == null && stopped.get() != null && finished) {
                // Another probe's login was refused meanwhile: the rest were never sent.
                return new CapacityResult(Outcome.COULD_NOT_VERIFY, sessions, succeeded, rejection, took,
                        succeeded + " of " + sessions + " sessions logged in; the rest were not sent: " + stopped.get());
            }
            if (!finished || succeeded < sessions && firstFailure.get() == null) {
                return new CapacityResult(Outcome.DEADLINE_PASSED, sessions, succeeded, rejection, took,
                        succeeded + " of " + sessions + " sessions logged in within " + Durations.seconds(deadline));
            }
            if (firstFailure.get() != null) {
                return new CapacityResult(Outcome.COULD_NOT_VERIFY, sessions, succeeded, rejection, took,
                        succeeded + " of " + sessions + " sessions logged in; then: " + firstFailure.get());
            }
            return new CapacityResult(Outcome.ALL_LOGGED_IN, sessions, succeeded, rejection, took,
                    sessions + " sessions logged in at once in " + Durations.seconds(took));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CapacityResult(Outcome.COULD_NOT_VERIFY, sessions, open.opened(), Optional.ofNullable(firstRejection.get()),
                    since(start), "interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static CapacityResult skipped(int sessions, CredentialGuard.Withheld withheld) {
        return new CapacityResult(Outcome.SKIPPED_PASSWORD_ALREADY_FAILED, sessions, 0, Optional.empty(), Duration.ZERO,
                "not attempted: " + withheld.detail());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
