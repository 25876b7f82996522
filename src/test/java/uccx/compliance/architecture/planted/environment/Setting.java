package uccx.compliance.architecture.planted.environment;

import uccx.compliance.architecture.planted.collector.Fact;

/** Planted: an environment room that reads a fact, closing a cycle with the collector. */
public final class Setting {
    public Fact fact;
}
