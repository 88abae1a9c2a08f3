package dbmedic.core.postgres.backup;

import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The verified backup of an Immich database before a change: a {@code pg_dump -Fc} of the
 * whole database when a compatible pg_dump is at hand (or the {@link DumpSource} given), and
 * always the vector tables as gzip'd COPY data with their DDL and content checksums. The
 * folder is written as {@code <name>.partial} and renamed only once every file was re-read and
 * matched, so an interrupted backup never looks complete.
 */
public final class ImmichBackup {
    private final Optional<DumpSource> dumpSource;
    private final PgDumpLocator locator;

    /** Uses a local pg_dump when one of at least the server's major is found. */
    public ImmichBackup() {
        this(null, new PgDumpLocator());
    }

    /** Uses {@code dumpSource} for the whole-database dump (e.g. pg_dump in the server's container over SSH). */
    public ImmichBackup(DumpSource dumpSource) {
        this(dumpSource, new PgDumpLocator());
    }

    /** {@code dumpSource} null: look for a local pg_dump with {@code locator}. */
    public ImmichBackup(DumpSource dumpSource, PgDumpLocator locator) {
        this.dumpSource = Optional.ofNullable(dumpSource);
        this.locator = locator;
    }

    /**
     * Backs up into a new folder under {@code parentDir}; only reads the database.
     *
     * @throws BackupFailedException the backup could not be written or did not verify (nothing complete-looking is left)
     * @throws UnusableInputException the database could not be reached
     * @throws CancelledException the user cancelled (the partial folder is deleted)
     */
    public PgBackupResult backUp(PgSession session, Path parentDir, Progress progress)
            throws BackupFailedException, UnusableInputException, CancelledException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Reads a backup folder's manifest (no file is re-checked: {@code verified} is what was recorded). */
    public static PgBackupResult read(Path backupFolder) throws NotABackupException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Re-reads every file of the folder against its manifest; {@code verified} says whether all matched. */
    public PgBackupResult verify(Path backupFolder, Progress progress) throws NotABackupException, CancelledException {
        return check(backupFolder, progress).result();
    }

    /** Like {@link #verify}, with the plain reason for each mismatch. */
    public BackupCheck check(Path backupFolder, Progress progress) throws NotABackupException, CancelledException {
        throw new UnsupportedOperationException("not yet");
    }
}
