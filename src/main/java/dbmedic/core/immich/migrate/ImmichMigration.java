package dbmedic.core.immich.migrate;

import dbmedic.core.appdata.AppDirectories;
import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The migration engine for one Immich database: read the state, offer plans, guard, apply
 * phase by phase behind a verified backup with a journal, verify.
 */
public final class ImmichMigration {
    private final PgSession session;
    private final ImmichKnowledge knowledge;
    private final Path journalDir;

    public ImmichMigration(PgSession session, ImmichKnowledge knowledge) {
        this(session, knowledge, AppDirectories.dataDir().resolve("journals"));
    }

    /** With the journal folder given (tests use a temporary folder). */
    public ImmichMigration(PgSession session, ImmichKnowledge knowledge, Path journalDir) {
        this.session = session;
        this.knowledge = knowledge;
        this.journalDir = journalDir;
    }

    /** Reads everything the plans and guards need, read-only. */
    public MigrationState readState(Progress progress) throws UnusableInputException, CancelledException {
        throw new UnsupportedOperationException("not yet");
    }

    /** The plans that fit the state, best first (empty: nothing to migrate). */
    public List<MigrationPlan> plans(MigrationState state) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Why the plan may not be applied now; empty = may apply. */
    public List<Refusal> guards(MigrationState state, MigrationPlan plan) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Applies one phase in one transaction, after checking the guards again and that the
     * backup is verified and still equal to the live tables.
     */
    public PhaseResult apply(MigrationPlan plan, MigrationPhase phase, BackupEvidence backup, Progress progress)
            throws UnusableInputException, MigrationRefusedException, MigrationFailedException, CancelledException {
        throw new UnsupportedOperationException("not yet");
    }

    /** A pending journal for this server and database. */
    public Optional<MigrationJournal> journal() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Compares the database now with the plan and the backup. */
    public MigrationVerification verify(MigrationPlan plan, BackupEvidence backup, Progress progress)
            throws UnusableInputException, CancelledException {
        throw new UnsupportedOperationException("not yet");
    }
}
