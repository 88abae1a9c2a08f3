package dbmedic.core.postgres.backup;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresOptions;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM with a small heap: backs up (vector tables only) and restores the database
 * at args[0] (password from PGPASSWORD) into args[1], printing the rows restored. Succeeding
 * with a heap smaller than the table's COPY text proves the rows are streamed.
 */
public final class BackupChildMain {
    private BackupChildMain() {
    }

    public static void main(String[] args) throws Exception {
        try (PgSession s = PgSession.open(PostgresTarget.parse(args[0]), PostgresOptions.defaults())) {
            PgBackupResult backup = new ImmichBackup(null, new PgDumpLocator(List.of())).backUp(s, Path.of(args[1]), Progress.NONE);
            RestoreResult restored = new VectorTableRestore().restore(s, backup, Progress.NONE);
            long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            System.out.println("verified=" + backup.verified() + " committed=" + restored.committed() + " rows="
                    + restored.tables().stream().mapToLong(t -> t.after().rows()).sum() + " maxHeapMiB=" + heapMiB);
        }
    }
}
