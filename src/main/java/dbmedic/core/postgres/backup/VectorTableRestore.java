package dbmedic.core.postgres.backup;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.util.List;

/**
 * Brings the vector tables of a backup back, in one transaction: each table's rows are replaced
 * by the backup's, the column's type is set back to the backup's when it was changed and that
 * type can be created now, and the content checksums are recomputed before COMMIT: a restore
 * that would not reproduce the backup's checksums is rolled back.
 */
public final class VectorTableRestore {

    /** What {@link #restore} will do, in plain steps, without changing anything. */
    public List<String> preview(PgSession session, PgBackupResult backup) throws UnusableInputException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Restores; {@link RestoreResult#committed()} false when the checksums would not have
     * matched (rolled back).
     *
     * @throws RestoreFailedException a statement failed; rolled back, nothing changed
     * @throws CancelledException     the user cancelled; rolled back
     */
    public RestoreResult restore(PgSession session, PgBackupResult backup, Progress progress)
            throws RestoreFailedException, UnusableInputException, CancelledException {
        throw new UnsupportedOperationException("not yet");
    }
}
