package uccx.compliance.architecture.planted.lab;

import uccx.compliance.architecture.planted.environment.Setting;

/** Planted: a lab that reads the suite's environment instead of its own state. */
public final class PlantedLab {
    public Setting setting;
}
