package dbmedic.core.postgres.backup;

import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Path;

/**
 * Something that writes a {@code pg_dump -Fc} (custom format) dump of the target database to a
 * local file: the local {@link PgDumpRunner}, or a remote {@code docker exec … pg_dump -Fc}
 * streamed over SSH. On failure or cancel the file must not be left behind.
 */
public interface DumpSource {
    DumpFile dumpTo(Path file, Progress progress) throws DumpFailedException, CancelledException;

    /**
     * The same, dumping as of {@code snapshot} (an id from {@code pg_export_snapshot()} whose
     * transaction stays open meanwhile: {@code pg_dump --snapshot=ID}), so the dump shows the
     * same moment as the vector tables' COPY files. Only called when {@link #usesSnapshots()}.
     */
    default DumpFile dumpTo(Path file, String snapshot, Progress progress) throws DumpFailedException, CancelledException {
        return dumpTo(file, progress);
    }

    /** True when {@link #dumpTo(Path, String, Progress)} really passes the snapshot on (the backup's note says so). */
    default boolean usesSnapshots() {
        return false;
    }
}
