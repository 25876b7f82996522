package uccx.compliance.architecture.planted.evidence;

import uccx.compliance.architecture.planted.collector.Fact;

/** Planted: an evidence room that reads a collected fact itself. */
public final class ReadsFacts {
    public Fact fact;
}
