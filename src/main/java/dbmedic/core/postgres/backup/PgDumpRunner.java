package dbmedic.core.postgres.backup;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Path;

/**
 * Runs the local {@code pg_dump -Fc} against the session's target: connection details as
 * arguments, the password only in the child's environment ({@code PGPASSWORD}); the dump is
 * written to a partial file, checked with {@code pg_restore --list} and renamed into place.
 */
public final class PgDumpRunner implements DumpSource {
    private final PgSession session;
    private final PgTools tools;

    public PgDumpRunner(PgSession session, PgTools tools) {
        this.session = session;
        this.tools = tools;
    }

    public PgTools tools() {
        return tools;
    }

    @Override
    public DumpFile dumpTo(Path file, Progress progress) throws DumpFailedException, CancelledException {
        throw new UnsupportedOperationException("not yet");
    }
}
