package uccx.compliance.environment;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The build step that validates the environment file before any control runs ({@code pre-integration-test}),
 * so that a broken file stops {@code mvn verify} even under {@code -Dmaven.test.failure.ignore=true}.
 * It prints errors, never a stack trace: the reader is fixing a YAML file, not debugging Java.
 */
public final class ValidateEnvironment {

    private ValidateEnvironment() {
    }

    /** Arguments: the {@code -Denv} value and the project directory. Exits 1 on an invalid file, 2 on a wrong call. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err, System.getenv());
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * {@link #main} without the exit: for tests, and for a build step that validates more than the
     * file and so calls this first ({@code uccx.compliance.collector.ValidateRun}).
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> variables) {
        if (args.length != 2) {
            err.println("usage: ValidateEnvironment <env name or path.yaml> <project dir>");
            return 2;
        }
        try {
            Path projectDir = Path.of(args[1]).toAbsolutePath().normalize();
            Environment env = new EnvironmentLoader().load(args[0], projectDir, variables);
            env.warnings().forEach(w -> out.println("WARNING: " + w));
            // said before the run too, so that whoever edits the file sees the waivers to renew
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
            env.waivers().forEach(w -> w.daysLeftToRenew(today).ifPresent(days -> out.println("WARNING: the waiver of " + w.control()
                    + (w.target().isEmpty() ? "" : " on " + w.target()) + " (ticket " + w.ticket() + ") expires on " + w.expires()
                    + ", in " + days + " day" + (days == 1 ? "" : "s") + ": renew it")));
            out.println("Environment " + env.name() + " (" + EnvironmentLoader.shown(env.file(), projectDir) + ") is valid: "
                    + summary(env));
            return 0;
        } catch (EnvironmentException e) {
            e.errors().forEach(err::println);
            err.println(e.errors().size() == 1 ? "1 error: the environment file must be fixed before the controls can run."
                    : e.errors().size() + " errors: the environment file must be fixed before the controls can run.");
            return 1;
        } catch (InvalidPathException e) {
            err.println(args[1] + ": not a project directory: " + e.getReason());
            return 2;
        } catch (RuntimeException e) {
            // A bug of ours, not of the file; still no stack trace in the build log, and no message that might quote a value.
            err.println("could not validate the environment: " + e.getClass().getName() + " (a bug in ValidateEnvironment; please report it)");
            return 2;
        }
    }

    /** One line a reviewer can check against the site: what is in scope and how it is reached. */
    static String summary(Environment env) {
        Exchange ex = env.exchange();
        return "Exchange " + ex.version().label() + " via " + ex.management().describe()
                + ", " + count(ex.clientAccessServers().size(), "Client Access server")
                + ", " + count(ex.mailboxServers().size(), "Mailbox server")
                + ", " + count(ex.receiveConnectors().size(), "receive connector")
                + ", " + count(env.uccx().agents(), "agent") + " (" + env.uccx().imapConnectionsNeeded() + " IMAP connections)"
                + ", capacity probe " + (env.probes().capacity() ? "on" : "off")
                + (env.thresholds().raised().isEmpty() ? "" : ", " + count(env.thresholds().raised().size(), "raised threshold"))
                + ", " + count(env.waivers().size(), "waiver")
                + env.signing().map(ValidateEnvironment::signer).orElse("");
    }

    /** Whose key will sign: the loader opened it a moment ago, so it opens now. */
    private static String signer(EvidenceSigning signing) {
        try {
            return ", evidence signed with " + SigningKeys.open(signing, java.time.Instant.now()).describe() + " from " + signing.shownAs();
        } catch (SigningKeys.Refused refused) {
            return ", evidence signing refused: " + refused.getMessage();
        }
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
