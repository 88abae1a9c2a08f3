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
}
