package uccx.compliance.lab.winrm;

import java.util.Optional;

/** A program that ended before it read anything, such as cmd.exe refusing its command line. */
record FinishedProgram(ProgramResult ending) implements RemoteProgram {

    @Override
    public void standardInput(byte[] chunk) {
        // It has ended: input goes nowhere, as into a closed pipe.
    }

    @Override
    public Optional<ProgramResult> result() {
        return Optional.of(ending);
    }
}
