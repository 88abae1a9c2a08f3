package dbmedic.core.plan;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.UnusableInputException;

/** Turns a diagnosis' repair actions into exact statements for the live schema. */
public final class SqliteRepairPlanner {
    private SqliteRepairPlanner() {
    }

    public static RepairPlan plan(SqliteTarget target, Diagnosis diagnosis) throws UnusableInputException {
        throw new UnsupportedOperationException("not built yet");
    }
}
