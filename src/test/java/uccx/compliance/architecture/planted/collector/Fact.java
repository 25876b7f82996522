package uccx.compliance.architecture.planted.collector;

import uccx.compliance.architecture.planted.environment.Setting;
import uccx.compliance.architecture.planted.lab.PlantedLab;

/** Planted: a collector that reads the environment (allowed) and starts the lab (not allowed). */
public final class Fact {
    public Setting setting;

    public Object start() {
        return new PlantedLab();
    }
}
