package dbmedic.ui.immich;

import dbmedic.core.task.Progress;
import java.nio.file.Path;

/**
 * The engine as the Immich pages need it, over one PostgreSQL session (the password is asked
 * once). Every method is slow work: called off the FX thread, it reports through
 * {@link Progress} and stops at its next check when cancelled.
 */
public interface ImmichEngine extends AutoCloseable {
    /** Backs up the vector tables (and pg_dump when possible) into a new folder under {@code parent}. */
    BackupView backUp(Path parent, Progress progress) throws Exception;

    /**
     * The same with the whole-database dump from {@code dumpSource} (e.g. {@code docker exec …
     * pg_dump -Fc} on the SSH server); null: a local pg_dump when one fits.
     */
    BackupView backUp(Path parent, dbmedic.core.postgres.backup.DumpSource dumpSource, Progress progress) throws Exception;

    /** Reads an earlier DB Medic backup folder and checks it against its own checksums. */
    BackupView openBackup(Path folder, Progress progress) throws Exception;

    /** Reads the server: state, plans, guards, and a migration left half-way. Writes nothing. */
    MigrationOffer offer(Progress progress) throws Exception;

    /** Runs one phase of the plan in one transaction; cancel rolls it back. */
    void apply(PlanView plan, int phase, Object backupEvidence, Progress progress) throws Exception;

    /** Compares the database now with the backup: types, dimensions, extension, rows, checksums. */
    VerificationView verify(PlanView plan, Object backupEvidence, Progress progress) throws Exception;

    /** Forgets the password. */
    @Override
    void close();
}
