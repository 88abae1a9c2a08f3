package dbmedic.core.immich.migrate;

import dbmedic.core.appdata.AppDirectories;
import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.PostgresTarget;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migration engine for one Immich database: read the state, offer plans, guard, apply
 * phase by phase behind a verified backup with a journal, verify. Reads use read-only
 * sessions; {@link #apply} is the only method that changes the database.
 */
public final class ImmichMigration {
    private final PgSession session;
    private final ImmichKnowledge knowledge;
    private final MigrationPacks packs = MigrationPacks.load();
    private final JournalStore journals;
    private final StateReader reader;
    private final PlanBuilder builder;
    private final Guards guards;
    private boolean buildIndexes;

    public ImmichMigration(PgSession session, ImmichKnowledge knowledge) {
        this(session, knowledge, defaultJournalDir());
    }

    /** With the journal folder given (tests use a temporary folder). */
    public ImmichMigration(PgSession session, ImmichKnowledge knowledge, Path journalDir) {
        this.session = session;
        this.knowledge = knowledge;
        this.journals = new JournalStore(journalDir);
        this.reader = new StateReader(packs);
        this.builder = new PlanBuilder(packs, knowledge);
        this.guards = new Guards(knowledge);
    }

    /** {@code <app data>/journals}. */
    public static Path defaultJournalDir() {
        return AppDirectories.dataDir().resolve("journals");
    }

    /**
     * Also build the VectorChord indexes exactly as Immich would (default off: Immich builds
     * them at its next start, and the build can take long).
     */
    public ImmichMigration buildIndexes(boolean build) {
        this.buildIndexes = build;
        return this;
    }

    /** {@code host:port/database}: the journal's key. */
    public String serverKey() {
        PostgresTarget t = session.target();
        return t.host() + ":" + t.port() + "/" + t.database();
    }

    public Path journalFile() {
        return journals.file(serverKey());
    }

    /** Reads everything the plans and guards need, read-only. */
    public MigrationState readState(Progress progress) throws UnusableInputException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        try (Connection c = session.readOnly("migration check")) {
            longReads(c);
            return reader.read(c, serverKey(), p);
        } catch (SQLException e) {
            throw new UnusableInputException("Reading the database state failed: " + e.getMessage(), e);
        }
    }

    /** The plans that fit the state, best first (empty: nothing to migrate). A pending journal's plan comes first. */
    public List<MigrationPlan> plans(MigrationState state) {
        return builder.offered(state, journal(), buildIndexes);
    }

    /** Any plan by id, offered or not (the guards say why it cannot run); empty for an unknown id. */
    public Optional<MigrationPlan> plan(MigrationState state, String planId) {
        return builder.build(state, planId, journal(), buildIndexes);
    }

    /** Why the plan may not be applied now; empty = may apply its next phase. */
    public List<Refusal> guards(MigrationState state, MigrationPlan plan) {
        return guards.check(state, plan, journal());
    }

    /** The phase to apply next, from the journal and the live state; empty when the plan is complete. */
    public Optional<MigrationPhase> nextPhase(MigrationState state, MigrationPlan plan) {
        return Phases.next(plan, state, journal());
    }

    /**
     * Applies one phase, after checking the guards again inside its transaction and that the
     * backup is verified and still equal to the live tables. The journal is written before
     * (phase running) and after (phase done).
     *
     * @throws MigrationRefusedException a guard said no; nothing was changed
     * @throws MigrationFailedException  a statement failed; the transaction was rolled back
     * @throws CancelledException        the user cancelled; the transaction was rolled back
     */
    public PhaseResult apply(MigrationPlan plan, MigrationPhase phase, BackupEvidence backup, Progress progress)
            throws UnusableInputException, MigrationRefusedException, MigrationFailedException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        if (backup == null || !backup.verified()) {
            throw new MigrationRefusedException(List.of(new Refusal("backup", "There is no verified backup of this database"
                    + (backup == null ? "." : " (the one at " + backup.folder() + " did not verify)."),
                    "Make a backup first (dbmedic backup, or the wizard's Back up step); nothing was changed.", List.of())));
        }
        Optional<MigrationJournal> journal = journal();
        Instant start = Instant.now();
        try (Connection c = session.forChange("migration " + plan.id() + " " + phase.id())) {
            if (phase.transactional()) {
                c.setAutoCommit(false);
            }
            MigrationState state = reader.read(c, serverKey(), Progress.NONE);
            List<Refusal> refusals = new ArrayList<>(guards.check(state, plan, journal));
            Optional<MigrationPhase> next = Phases.next(plan, state, journal);
            if (refusals.isEmpty() && (next.isEmpty() || !next.get().id().equals(phase.id()))) {
                refusals.add(new Refusal("phase-order", "Phase " + phase.id() + " is not the next one of " + plan.id()
                        + " (next: " + next.map(MigrationPhase::id).orElse("none, the plan is complete") + ").",
                        "Apply the phases in order.", List.of()));
            }
            if (!refusals.isEmpty()) {
                rollbackQuietly(c);
                throw new MigrationRefusedException(refusals);
            }
            MigrationJournal before = journal.orElseGet(() -> new MigrationJournal(serverKey(), plan.id(), plan.dimensions(),
                    List.of(), Optional.empty(), backup.folder().toString(), start, start));
            journals.write(new MigrationJournal(before.serverKey(), before.planId(), before.dimensions(), before.phasesDone(),
                    Optional.of(phase.id()), before.backupFolder(), before.started(), Instant.now()));
            List<String> ran;
            try {
                ran = new PhaseExecutor(packs).run(c, phase, backup, p);
                if (phase.transactional()) {
                    c.commit();
                }
            } catch (SQLException | CancelledException | MigrationRefusedException | RuntimeException e) {
                rollbackQuietly(c);
                // The phase did not happen. A journal that existed says so again; a new one goes (nothing was done).
                // (A crash right here leaves "running", which resumes the same way: the live columns tell.)
                if (journal.isEmpty()) {
                    journals.delete(serverKey());
                } else {
                    journals.write(new MigrationJournal(before.serverKey(), before.planId(), before.dimensions(),
                            before.phasesDone(), Optional.empty(), before.backupFolder(), before.started(), Instant.now()));
                }
                if (e instanceof SQLException sql) {
                    throw new MigrationFailedException("Phase " + phase.id() + " failed and was rolled back; the database is"
                            + " as it was before the phase: " + sql.getMessage(), null, sql);
                }
                if (e instanceof CancelledException ce) {
                    throw ce;
                }
                if (e instanceof MigrationRefusedException mre) {
                    throw mre;
                }
                throw (RuntimeException) e;
            }
            List<String> done = new ArrayList<>(before.phasesDone());
            done.add(phase.id());
            int index = plan.phases().indexOf(phase);
            Optional<String> nextId = index + 1 < plan.phases().size()
                    ? Optional.of(plan.phases().get(index + 1).id()) : Optional.empty();
            journals.write(new MigrationJournal(before.serverKey(), before.planId(), before.dimensions(), done,
                    Optional.empty(), before.backupFolder(), before.started(), Instant.now()));
            if (nextId.isEmpty()) {
                journals.archive(serverKey());
            }
            return new PhaseResult(plan.id(), phase.id(), ran, Duration.between(start, Instant.now()), phase.pauseAfter(),
                    nextId);
        } catch (SQLException e) {
            throw new MigrationFailedException("Phase " + phase.id() + " could not start: " + e.getMessage(), null, e);
        }
    }

    /**
     * A read-only session has the diagnosis's statement and socket timeouts; counting and
     * checksumming millions of embeddings takes longer (both found by the 200k-row benchmark).
     * Only a lock wait stays bounded.
     */
    private void longReads(Connection c) throws SQLException {
        long ms = Math.max(1, session.options().timeout().toSeconds()) * 1000L;
        // Also the socket's read timeout: COPY ... ORDER BY sorts every row before the first one arrives.
        c.setNetworkTimeout(Runnable::run, 0);
        Sql.execute(c, "SET statement_timeout = 0");
        Sql.execute(c, "SET lock_timeout = " + ms);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // Closing the connection rolls back as well.
        }
    }

    /** A pending journal for this server and database. */
    public Optional<MigrationJournal> journal() {
        return journals.read(serverKey());
    }

    /**
     * Verifies against a backup alone (no plan at hand, e.g. {@code dbmedic verify --backup}):
     * the expected dimensions are the backup's column types, which were read before any change.
     */
    public MigrationVerification verifyAgainstBackup(BackupEvidence backup, Progress progress)
            throws UnusableInputException, CancelledException {
        MigrationState state = readState(progress);
        java.util.Map<String, Integer> dims = new java.util.LinkedHashMap<>(builder.dimensions(state, journal()));
        String id = MigrationPlan.PGVECTOR_TO_VCHORD;
        for (dbmedic.core.postgres.backup.TableSnapshot t : backup.tables()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+)\\)$").matcher(t.columnType());
            if (m.find()) {
                dims.put(t.table(), Integer.parseInt(m.group(1)));
            }
            if (t.columnType().startsWith("vectors.")) {
                id = MigrationPlan.PGVECTORS_TO_VCHORD;
            } else if (t.columnType().equals("real[]") && !id.equals(MigrationPlan.PGVECTORS_TO_VCHORD)) {
                id = MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE;
            }
        }
        MigrationPlan plan = new MigrationPlan(id, "Verify against the backup", "", dims, List.of(), List.of());
        return verify(plan, backup, progress);
    }

    /** Compares the database now with the plan and the backup. */
    public MigrationVerification verify(MigrationPlan plan, BackupEvidence backup, Progress progress)
            throws UnusableInputException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        try (Connection c = session.readOnly("migration verify")) {
            longReads(c);
            MigrationState state = reader.read(c, serverKey(), p);
            return new Verifier(packs, knowledge).verify(c, state, plan, backup, p);
        } catch (SQLException e) {
            throw new UnusableInputException("Verifying failed: " + e.getMessage(), e);
        }
    }
}
