package dbmedic.core.backup;

import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Path;

/** Online-backup-API copy of a SQLite database, then verified. */
public final class SqliteBackup {
    private SqliteBackup() {
    }

    /** {@code directory} null: beside the database. */
    public static BackupResult backup(SqliteTarget target, Path directory, Progress progress)
            throws BackupFailedException, CancelledException {
        throw new UnsupportedOperationException("not built yet");
    }
}
