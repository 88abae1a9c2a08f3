package dbmedic.core.plan;

import dbmedic.core.backup.BackupResult;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;

/** Applies a plan in one transaction, only after a verified backup; rolls back on any error. */
public final class SqlitePlanExecutor {
    private SqlitePlanExecutor() {
    }

    public static void apply(SqliteTarget target, RepairPlan plan, BackupResult verifiedBackup, Progress progress)
            throws RepairFailedException, CancelledException {
        throw new UnsupportedOperationException("not built yet");
    }
}
