package uccx.compliance.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uccx.compliance.proofs.ProofRun;

/**
 * "Speed and scale": runs the whole suite in-process against lab organisations of the issue's
 * sizes under the issue's latency model, prints a table and writes {@code reports/bench.json}.
 * Run it with {@code mvn -B -Pbench verify}; it is no test and no part of a plain or self-test
 * build. It fails (exit status 1) when a run sent anything but exactly one remote command.
 *
 * <p>Arguments: the project directory, the JSON file to write, and optionally the sizes as
 * {@code 1x2,5x10,20x50,100x250}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    /** Where a run's time went: its slowest tests, from the engine's start and finish events. */
    private static List<String> slowest(ProofRun run) {
        java.util.Map<String, java.time.Instant> started = new java.util.HashMap<>();
        List<java.util.Map.Entry<String, Long>> took = new ArrayList<>();
        run.engine().allEvents().stream().forEach(event -> {
            String id = event.getTestDescriptor().getUniqueId().toString();
            switch (event.getType()) {
                case STARTED -> started.put(id, event.getTimestamp());
                case FINISHED -> took.add(java.util.Map.entry(event.getTestDescriptor().getDisplayName(),
                        java.time.Duration.between(started.getOrDefault(id, event.getTimestamp()), event.getTimestamp()).toMillis()));
                default -> { }
            }
        });
        return took.stream().filter(e -> !e.getKey().equals("JUnit Jupiter")).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8).map(e -> e.getValue() + " ms  " + e.getKey()).toList();
    }

    public static void main(String[] args) {
        Path projectDir = Path.of(args[0]).toAbsolutePath();
        Path output = projectDir.resolve(args[1]);
        List<BenchSize> sizes = args.length > 2 && !args[2].isBlank()
                ? Arrays.stream(args[2].split(",")).map(BenchSize::parse).toList() : BenchSize.ISSUE;
        Path work = projectDir.resolve("target/bench");
        BenchLatency latency = BenchLatency.ISSUE;
        int sessions = uccx.compliance.environment.Uccx.imapConnectionsNeeded(BenchOrganisation.AGENTS);
        List<BenchResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (BenchSize size : sizes) {
            BenchOrganisation.Written organisation = BenchOrganisation.write(projectDir, work.resolve("environments"), size, latency);
            PeakHeap.reset();
            ProofRun run = ProofRun.of(organisation.file(), projectDir, work.resolve("reports"));
            BenchResult result = BenchResult.of(size, organisation.shape(), run.summary(), latency, sessions, PeakHeap.megabytes());
            results.add(result);
            slowest(run).forEach(line -> System.out.println("  " + line));
            System.out.printf("%s: %d ms wall, floor %d ms, ratio %.2f; collection %d ms, floor %d ms, ratio %.2f; %s%n", size.name(),
                    result.wallMs(), result.floorMs(), result.ratio(), result.collectionMs(), result.collectionFloorMs(),
                    result.collectionRatio(), result.outcomes());
            if (result.labAdCalls() != organisation.shape().adCalls()) {
                failures.add(size.name() + ": the lab answered " + result.labAdCalls() + " AD calls; Exchange needs "
                        + organisation.shape().adCalls() + ", the floor's count");
            }
            if (result.capacitySessions() != sessions) {
                failures.add(size.name() + ": LIVE-02 held " + result.capacitySessions() + " of " + sessions
                        + " sessions; the lab allows them all, so its deadline or its logins are wrong");
            }
            if (result.remoteCommands() != 1) {
                failures.add(size.name() + " sent " + result.remoteCommands() + " remote commands; exactly 1 is required");
            }
        }
        BenchReport report = new BenchReport(results);
        System.out.println();
        System.out.print(report.table());
        report.write(output);
        System.out.println("wrote " + output);
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("BENCHMARK FAILED: " + f));
            System.exit(1);
        }
    }
}
