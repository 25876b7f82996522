package uccx.compliance.run;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import uccx.compliance.collector.Snapshot;
import uccx.compliance.controls.Checklist;
import uccx.compliance.controls.ControlFindings;
import uccx.compliance.environment.Environment;
import uccx.compliance.environment.EnvironmentLoader;
import uccx.compliance.evidence.Baseline;
import uccx.compliance.evidence.ControlResult;
import uccx.compliance.evidence.JudgedSetting;
import uccx.compliance.evidence.Outcome;

/**
 * The JUnit extension every control test class uses. It opens the run once (environment, lab,
 * collection) in the root store, gives tests what they judge, and turns each test's end into an
 * outcome: passed is compliant, an AssertionError non-compliant, any other exception "could not
 * verify", an aborted test waived or not applicable.
 *
 * <p>Configuration parameters (JUnit's, falling back to system properties): {@code env} (default
 * {@code lab}), {@code uccx.projectDir} (default the working directory), {@code uccx.reportsDir}
 * (default {@code <projectDir>/reports}).
 */
public final class ComplianceRun implements ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ComplianceRun.class);

    static RunContext run(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunContext.class, key -> open(context), RunContext.class);
    }

    private static RunContext open(ExtensionContext context) {
        Path projectDir = Path.of(context.getConfigurationParameter("uccx.projectDir").orElse(System.getProperty("user.dir")));
        Path reports = context.getConfigurationParameter("uccx.reportsDir").map(Path::of).orElse(projectDir.resolve("reports"));
        String env = context.getConfigurationParameter("env").filter(e -> !e.isBlank()).orElse("lab");
        // Proofs run the suite in-process and cannot set process variables: configuration parameters
        // uccx.variable.<NAME> stand in for them.
        Map<String, String> variables = new java.util.HashMap<>(System.getenv());
        context.getConfigurationParameter("uccx.variables").ifPresent(list -> java.util.Arrays.stream(list.split(","))
                .map(String::trim).filter(n -> !n.isEmpty())
                .forEach(n -> context.getConfigurationParameter("uccx.variable." + n).ifPresent(v -> variables.put(n, v))));
        Environment environment = new EnvironmentLoader().load(env, projectDir, variables);
        Optional<Path> replay = context.getConfigurationParameter("snapshot").filter(f -> !f.isBlank())
                .map(f -> projectDir.resolve(f));
        // JUnit falls back to system properties: failsafe sets allure.results.directory as one.
        Optional<Path> allureResults = context.getConfigurationParameter("allure.results.directory").filter(d -> !d.isBlank()).map(Path::of);
        // Only the secrets proof sets this: it must know the lab's passwords to search every output for them.
        Optional<String> knownPasswords = context.getConfigurationParameter("uccx.lab.knownPasswords");
        java.util.Iterator<String> known = knownPasswords.map(p -> java.util.Arrays.asList(p.split(",")).iterator())
                .orElse(java.util.Collections.emptyIterator());
        RunContext run = RunContext.open(environment, projectDir, reports, allureResults, Clock.systemUTC(), replay,
                () -> known.hasNext() ? known.next() : uccx.compliance.lab.Lab.freshPassword());
        // -Dcompare: a run folder, summary.json or evidence zip; else the newest run folder of the environment
        Optional<Path> compare = context.getConfigurationParameter("compare").filter(f -> !f.isBlank()).map(projectDir::resolve);
        Baseline baseline = Baseline.choose(compare, reports.resolve(environment.name()), environment.name());
        // said at once too: a comparison the person asked for and did not get must not wait for the end of the run
        baseline.refusal().ifPresent(System.err::println);
        run.compareWith(baseline);
        run.waiverLog().expiringSoon(environment.waivers(), java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        return run;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunContext.class || type == Snapshot.class || type == Environment.class || type == Checklist.class
                || type == ControlRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ControlRun.class) {
            RunContext run = run(context);
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(ControlRun.class, key -> new ControlRun(run.environment(),
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC), run.waiverLog(), run.transcriptLog(),
                    new ControlRun.RunParameters(run.environment().name(), run.environment().exchange().version().label()),
                    run::rawRecords), ControlRun.class);
        }
        RunContext run = run(context);
        if (type == RunContext.class) {
            return run;
        }
        if (type == Snapshot.class) {
            return run.snapshot();
        }
        if (type == Environment.class) {
            return run.environment();
        }
        if (type == Checklist.class) {
            return run.checklist();
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        Optional<ControlFindings> findings = findings(context);
        record(context, Outcome.COMPLIANT, findings.map(f -> f.observed().isEmpty() ? "compliant"
                : "compliant: " + String.join("; ", f.observed())).orElse("compliant"));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Outcome outcome = cause instanceof AssertionError ? Outcome.NON_COMPLIANT : Outcome.COULD_NOT_VERIFY;
        record(context, outcome, messageOf(cause));
        findings(context).filter(f -> outcome == Outcome.NON_COMPLIANT && !f.remediation().isEmpty())
                .ifPresent(f -> run(context).remediation(f.control().id(), f.target(), f.remediation()));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String message = messageOf(cause);
        Outcome outcome = cause instanceof Waived ? Outcome.WAIVED : Outcome.NOT_APPLICABLE;
        record(context, outcome, message);
    }

    private static String messageOf(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static Optional<ControlFindings> findings(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(ControlRun.class, ControlRun.class)).map(ControlRun::findings);
    }

    private static void record(ExtensionContext context, Outcome outcome, String message) {
        Optional<ControlFindings> findings = findings(context);
        String control = findings.map(f -> f.control().id()).orElse(context.getDisplayName());
        String target = findings.map(ControlFindings::target).orElse("");
        String said = outcome == Outcome.COULD_NOT_VERIFY && findings.isPresent() ? couldNotVerify(control, target, message) : message;
        List<JudgedSetting> settings = findings.map(f -> f.settings().rows().stream()
                .map(row -> new JudgedSetting(row.setting(), row.expected(), row.found(), row.complies())).toList()).orElse(List.of());
        run(context).record(new ControlResult(control, target, outcome, said, settings));
    }

    /**
     * Read alone (a summary line, a mail), the message must say which control on which target is
     * unproven; a non-compliant message is built that way already, a failure's cause is not.
     */
    static String couldNotVerify(String control, String target, String cause) {
        String why = cause.startsWith("could not verify: ") ? cause.substring("could not verify: ".length()) : cause;
        return control + " could not verify on " + target + ": " + why;
    }
}
