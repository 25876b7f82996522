package uccx.compliance.bench;

/** One organisation size the benchmark measures: Exchange servers and receive connectors. */
record BenchSize(int servers, int connectors) {

    /** The sizes of the issue "Speed and scale", and a large organisation: 100 servers, 250 connectors. */
    static final java.util.List<BenchSize> ISSUE = java.util.List.of(new BenchSize(1, 2), new BenchSize(5, 10), new BenchSize(20, 50),
            new BenchSize(100, 250));

    BenchSize {
        if (servers < 1 || connectors < 1) {
            throw new IllegalArgumentException("an organisation needs a server and a connector");
        }
    }

    /** For example {@code 20x50}. */
    static BenchSize parse(String text) {
        String[] parts = text.trim().split("x");
        return new BenchSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    String name() {
        return "bench-" + servers + "x" + connectors;
    }
}
