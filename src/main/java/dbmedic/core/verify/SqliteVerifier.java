package dbmedic.core.verify;

import dbmedic.core.backup.BackupResult;
import dbmedic.core.diagnose.Diagnoser;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;

/** Re-diagnoses after a repair and compares row counts with the backup. */
public final class SqliteVerifier {
    private SqliteVerifier() {
    }

    /** {@code plan} may be null (verify without a repair: row counts must be equal). */
    public static VerifyResult verify(SqliteTarget target, BackupResult backup, RepairPlan plan,
                                      Diagnoser diagnoser, Progress progress) throws CancelledException {
        throw new UnsupportedOperationException("not built yet");
    }
}
