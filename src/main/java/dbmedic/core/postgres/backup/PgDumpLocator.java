package dbmedic.core.postgres.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@code pg_dump}/{@code pg_restore} on this computer whose major version is at least the
 * server's (an older pg_dump refuses a newer server): PATH, then the usual install folders of
 * Debian/Ubuntu, RHEL (PGDG), Homebrew, Postgres.app and the Windows installer. Each
 * candidate's version is read by running it with {@code --version}.
 */
public final class PgDumpLocator {
    private final List<Path> searchDirs;

    /** Searches PATH and the usual install folders of this operating system. */
    public PgDumpLocator() {
        this(null);
    }

    /** Searches only the given folders, in order (tests). */
    public PgDumpLocator(List<Path> searchDirs) {
        this.searchDirs = searchDirs;
    }

    /** The newest tools whose major is at least {@code serverMajor}. */
    public Optional<PgTools> find(int serverMajor) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every pg_dump/pg_restore pair found, newest first. */
    public List<PgTools> all() {
        throw new UnsupportedOperationException("not yet");
    }
}
