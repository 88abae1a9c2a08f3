package dbmedic.core.diagnose;

import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.target.Target;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;

/** Runs every check on a target. Never writes to it. */
public final class Diagnoser {
    private final PackRegistry packs;

    public Diagnoser(PackRegistry packs) {
        this.packs = packs;
    }

    public Diagnosis diagnose(Target target, DiagnoseOptions options, Progress progress)
            throws UnusableInputException, CancelledException {
        throw new UnsupportedOperationException("not built yet");
    }
}
