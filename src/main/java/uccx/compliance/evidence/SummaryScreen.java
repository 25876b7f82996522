package uccx.compliance.evidence;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uccx.compliance.controls.Control;
import uccx.compliance.environment.EnvironmentException;
import uccx.compliance.environment.EnvironmentLoader;
import uccx.compliance.evidence.oscal.AssessmentResultsFile;

/**
 * The one screen a person reads at the end of {@code mvn verify}: every control in checklist order
 * with each target's outcome, the counts of controls and of results, whether the run fails, and where
 * {@code report.html} and the evidence zip are. Its shape is InSpec's command-line reporter (one line
 * per control with an indicator, its results beneath, then "Profile Summary" and "Test Summary"; Chef
 * InSpec, lib/inspec/reporters/cli.rb), with this suite's five outcomes.
 *
 * <p>It reads the run folder ({@link RecordedRun}), so a replay shows the same as a live run. The
 * build runs it in {@code post-integration-test}, after the report was published and before
 * failsafe's {@code verify} fails the build for the controls that failed.
 */
public final class SummaryScreen {

    /** Wider lines are cut: the screen is for a terminal and a Jenkins log; the report holds every word. */
    static final int WIDTH = 120;
    /** Targets named on one line per outcome that does not fail the run; the others are counted. */
    static final int NAMED_TARGETS = 8;
    /** Changes listed one per line; a night with more (a new site, an upgrade) is read in summary.json. */
    static final int LISTED_CHANGES = 20;

    private final List<ScreenSection> sections;

    public SummaryScreen(List<ScreenSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /** The screen as the build shows it. */
    public static SummaryScreen standard() {
        return new SummaryScreen(List.of(SummaryScreen::header, SummaryScreen::controls, SummaryScreen::counts, SummaryScreen::changes,
                SummaryScreen::notes, SummaryScreen::files));
    }

    public List<String> lines(RecordedRun run, Path base) {
        List<String> lines = new ArrayList<>();
        for (ScreenSection section : sections) {
            List<String> part = section.lines(run, base);
            if (!part.isEmpty()) {
                lines.add("");
                lines.addAll(part);
            }
        }
        return lines;
    }

    /**
     * Arguments: the Allure results folder, the reports folder, the {@code -Denv} value and the project
     * directory. Never exits: the build runs it inside Maven's own process (exec:java), and a screen that
     * cannot be shown is one line, not a failed build; the controls' verdict is failsafe's.
     */
    public static void main(String[] args) {
        run(args, System.out);
    }

    static void run(String[] args, PrintStream out) {
        if (args.length != 4) {
            out.println("No summary: usage: SummaryScreen <allure results> <reports dir> <env name or path.yaml> <project dir>");
            return;
        }
        try {
            String environment = new EnvironmentLoader().loadWithoutSecrets(args[2], Path.of(args[3]), System.getenv()).name();
            Path environmentReports = Path.of(args[1]).resolve(environment);
            Optional<String> nothing = AllureReport.nothingToReport(Path.of(args[0]), environmentReports);
            if (nothing.isPresent()) {
                out.println("No summary: " + nothing.get());
                return;
            }
            Path folder = AllureReport.latestRun(environmentReports).orElseThrow();
            standard().lines(RecordedRun.read(folder), Path.of("").toAbsolutePath()).forEach(out::println);
        } catch (EnvironmentException e) {
            out.println("No summary: the environment cannot be read: " + String.join("; ", e.errors()));
        } catch (IOException | UncheckedIOException e) {
            out.println("No summary: " + e.getMessage());
        } catch (RuntimeException e) {
            out.println("No summary: " + e.getClass().getName() + " (a bug in SummaryScreen; please report it)");
        }
    }

    static List<String> header(RecordedRun run, Path base) {
        String took = run.took().map(SummaryScreen::seconds).map(s -> ", " + s).orElse("");
        return List.of("uccx-exchange-compliance: environment " + run.environment() + ", run " + run.name() + took + ", "
                + run.remoteCommands() + " remote command" + (run.remoteCommands() == 1 ? "" : "s"));
    }

    /**
     * Per control its worst outcome and title, then its targets: those that fail the run or are waived
     * one per line with the reason, the others named together per outcome.
     */
    static List<String> controls(RecordedRun run, Path base) {
        List<String> lines = new ArrayList<>();
        byControl(run.results()).forEach((control, results) -> {
            lines.add(cut("  " + mark(worst(results)) + " " + pad(control, 9) + title(control)));
            Map<Outcome, List<ControlResult>> byOutcome = new EnumMap<>(Outcome.class);
            results.forEach(r -> byOutcome.computeIfAbsent(r.outcome(), o -> new ArrayList<>()).add(r));
            byOutcome.forEach((outcome, same) -> {
                if (outcome.failsRun() || outcome == Outcome.WAIVED) {
                    same.forEach(r -> lines.add(cut("        " + mark(outcome) + " " + shownTarget(r) + " " + outcome.label() + ": "
                            + reason(r))));
                } else {
                    lines.add(cut("        " + mark(outcome) + " " + outcome.label() + ": " + named(same)));
                }
            });
        });
        return lines;
    }

    /** InSpec's two summary lines: controls (each counted by its worst target) and results (control x target). */
    static List<String> counts(RecordedRun run, Path base) {
        Map<String, List<ControlResult>> controls = byControl(run.results());
        Map<Outcome, Long> byControl = new EnumMap<>(Outcome.class);
        controls.values().forEach(results -> byControl.merge(worst(results), 1L, Long::sum));
        Map<Outcome, Long> byResult = new EnumMap<>(Outcome.class);
        run.results().forEach(r -> byResult.merge(r.outcome(), 1L, Long::sum));
        long failing = run.results().stream().filter(r -> r.outcome().failsRun()).count();
        return List.of(
                "Controls: " + counted(byControl) + " (" + controls.size() + ", by worst target)",
                "Results:  " + counted(byResult) + " (" + run.results().size() + " control x target)",
                failing == 0 ? "Verdict:  PASSED: nothing is non-compliant or could not be verified"
                        : "Verdict:  FAILED: " + failing + " result" + (failing == 1 ? "" : "s") + " non-compliant or could not be verified");
    }

    /**
     * What changed since the earlier run, right under the verdict: "3 changes since 20261127T021500Z"
     * and one line each; nothing for a summary written before runs compared themselves.
     */
    static List<String> changes(RecordedRun run, Path base) {
        if (run.comparison().isEmpty()) {
            return List.of();
        }
        RecordedRun.Comparison comparison = run.comparison().get();
        List<String> lines = new ArrayList<>();
        lines.add("Changes:  " + RunComparison.headline(comparison.comparedWith(), comparison.changes()));
        comparison.changes().stream().limit(LISTED_CHANGES).forEach(c -> lines.add(cut("        " + c.brief())));
        if (comparison.changes().size() > LISTED_CHANGES) {
            lines.add("        and " + (comparison.changes().size() - LISTED_CHANGES) + " more: summary.json, changes");
        }
        return lines;
    }

    static List<String> notes(RecordedRun run, Path base) {
        return run.notes().stream().map(SummaryScreen::cut).toList();
    }

    static List<String> files(RecordedRun run, Path base) {
        List<String> lines = new ArrayList<>(List.of(
                "Report:   " + run.report().map(p -> shown(p, base)).orElse("not written (see the lines above)"),
                "Evidence: " + run.evidence().map(p -> shown(p, base)).orElse("not sealed (see the lines above)")));
        // what a risk team's tools take in, each only when the run wrote it (a run stopped early, a site that does not sign)
        inRun(run, AssessmentResultsFile.NAME).ifPresent(p -> lines.add("OSCAL:    " + shown(p, base)));
        inRun(run, ManifestSignature.FILE).ifPresent(p -> lines.add("Signed:   " + shown(p, base)
                + " (openssl cms -verify, then sha256sum -c MANIFEST.sha256: README, Signed evidence)"));
        lines.add("Run:      " + shown(run.folder(), base));
        return lines;
    }

    private static Optional<Path> inRun(RecordedRun run, String file) {
        return Optional.of(run.folder().resolve(file)).filter(Files::isRegularFile);
    }

    /** The results by control ID, in checklist order; IDs the checklist does not declare last, by name. */
    private static Map<String, List<ControlResult>> byControl(List<ControlResult> results) {
        List<String> order = Arrays.stream(Control.values()).map(Control::id).toList();
        Comparator<String> checklist = Comparator.comparingInt((String id) -> order.contains(id) ? order.indexOf(id) : order.size())
                .thenComparing(Comparator.naturalOrder());
        return results.stream().sorted(Comparator.comparing(ControlResult::control, checklist).thenComparing(ControlResult::target))
                .collect(Collectors.groupingBy(ControlResult::control, LinkedHashMap::new, Collectors.toList()));
    }

    /** What a control comes to over its targets: anything failing the run first, then waived, compliant, not applicable. */
    static Outcome worst(List<ControlResult> results) {
        List<Outcome> rank = List.of(Outcome.NON_COMPLIANT, Outcome.COULD_NOT_VERIFY, Outcome.WAIVED, Outcome.COMPLIANT,
                Outcome.NOT_APPLICABLE);
        return results.stream().map(ControlResult::outcome).min(Comparator.comparingInt(rank::indexOf)).orElse(Outcome.NOT_APPLICABLE);
    }

    /** ASCII, as InSpec's indicators (passed, failed, skipped, unknown) but readable in any console's code page. */
    static String mark(Outcome outcome) {
        return switch (outcome) {
            case COMPLIANT -> "[+]";
            case NON_COMPLIANT -> "[x]";
            case COULD_NOT_VERIFY -> "[?]";
            case WAIVED -> "[~]";
            case NOT_APPLICABLE -> "[-]";
        };
    }

    private static String title(String control) {
        return Arrays.stream(Control.values()).filter(c -> c.id().equals(control)).map(Control::title).findFirst().orElse("");
    }

    private static String shownTarget(ControlResult result) {
        return result.target().isEmpty() ? "(organization)" : result.target();
    }

    /**
     * What the person needs from the message on one line: the violated settings when it lists them
     * ({@code ControlFindings} writes them as "  - " lines under a head line), else its first line;
     * without the control, outcome, target and title the screen already shows.
     */
    static String reason(ControlResult result) {
        List<String> lines = result.message().lines().toList();
        List<String> violations = lines.stream().skip(1).takeWhile(l -> l.startsWith("  - ")).map(l -> l.substring(4).strip()).toList();
        if (!violations.isEmpty()) {
            return String.join("; ", violations);
        }
        String first = lines.isEmpty() ? "" : lines.get(0).strip();
        String repeated = "^" + Pattern.quote(result.control()) + " [a-z -]+ on " + Pattern.quote(result.target()) + "( \\(.*?\\))?: ";
        first = first.replaceFirst(repeated, "");
        String label = result.outcome().label() + ": ";
        return first.startsWith(label) ? first.substring(label.length()) : first;
    }

    private static String named(List<ControlResult> results) {
        List<String> names = results.stream().map(SummaryScreen::shownTarget).toList();
        if (names.size() <= NAMED_TARGETS) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED_TARGETS)) + " and " + (names.size() - NAMED_TARGETS) + " more";
    }

    private static String counted(Map<Outcome, Long> counts) {
        return Arrays.stream(Outcome.values()).map(o -> counts.getOrDefault(o, 0L) + " " + o.label()).collect(Collectors.joining(", "));
    }

    private static String seconds(Duration took) {
        return String.format(java.util.Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    static String cut(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 3) + "...";
    }

    private static String shown(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
