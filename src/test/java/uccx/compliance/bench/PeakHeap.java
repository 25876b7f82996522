package uccx.compliance.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap a run needed at its peak: the sum of every heap pool's peak usage since the last
 * reset. The pools peak at different moments, so the sum is an upper bound; unlike a sample of
 * used heap it does not depend on when the collector happened to run.
 */
final class PeakHeap {

    private PeakHeap() {
    }

    /** Forgets earlier peaks after a collection, so the next run starts from its own baseline. */
    static void reset() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long megabytes() {
        long bytes = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
