package dbmedic.core;

import dbmedic.core.backup.BackupFailedException;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.backup.SqliteBackup;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnoser;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.explain.ErrorExplainer;
import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.plan.RepairFailedException;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.plan.SqlitePlanExecutor;
import dbmedic.core.plan.SqliteRepairPlanner;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.Target;
import dbmedic.core.target.TargetResolver;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import dbmedic.core.verify.SqliteVerifier;
import dbmedic.core.verify.VerifyResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's one entry point for both faces (CLI and wizard): resolve → diagnose →
 * back up → plan → repair → verify, and explain. Every mutation goes through
 * {@link #repair}, which refuses without a verified backup.
 */
public final class Medic {
    private final PackRegistry packs;
    private final Diagnoser diagnoser;
    private final ErrorExplainer explainer;

    public Medic() {
        this(PackRegistry.load());
    }

    public Medic(PackRegistry packs) {
        this.packs = packs;
        this.diagnoser = new Diagnoser(packs);
        this.explainer = new ErrorExplainer(packs);
    }

    public PackRegistry packs() {
        return packs;
    }

    public Target resolve(String spec) throws UnusableInputException {
        return TargetResolver.resolve(spec);
    }

    /**
     * Checks that the target is a readable database before anything else touches it
     * (header, size); one clear line otherwise.
     */
    public void probe(Target target) throws UnusableInputException {
        SqliteTarget t = sqlite(target);
        long wal = t.wal().toFile().length();
        dbmedic.core.sqlite.SqliteFileProbe.probe(t.database(), wal > 0);
    }

    public Diagnosis diagnose(Target target, DiagnoseOptions options, Progress progress)
            throws UnusableInputException, CancelledException {
        return diagnoser.diagnose(target, options, progress);
    }

    public BackupResult backup(Target target, Path directory, Progress progress)
            throws BackupFailedException, CancelledException {
        try {
            probe(target);
        } catch (UnusableInputException e) {
            throw new BackupFailedException(e.getMessage(), e);
        }
        return SqliteBackup.backup(sqlite(target), directory, progress);
    }

    public RepairPlan plan(Diagnosis diagnosis) throws UnusableInputException {
        return SqliteRepairPlanner.plan(sqlite(diagnosis.target()), diagnosis);
    }

    public void repair(Target target, RepairPlan plan, BackupResult verifiedBackup, Progress progress)
            throws RepairFailedException, CancelledException {
        SqlitePlanExecutor.apply(sqlite(target), plan, verifiedBackup, progress);
    }

    public VerifyResult verify(Target target, BackupResult backup, RepairPlan plan, Progress progress)
            throws CancelledException {
        return SqliteVerifier.verify(sqlite(target), backup, plan, diagnoser, progress);
    }

    /**
     * The backup to verify against: {@code fileOrDir} a backup file or a folder of backups,
     * null for the newest DB Medic backup beside the database.
     */
    public java.util.Optional<BackupResult> findBackup(Target target, Path fileOrDir) throws UnusableInputException {
        return dbmedic.core.backup.BackupLocator.find(sqlite(target), fileOrDir);
    }

    public List<Finding> explain(String text) {
        return explainer.explain(text);
    }

    private static SqliteTarget sqlite(Target target) {
        if (target instanceof SqliteTarget s) {
            return s;
        }
        throw new IllegalArgumentException("Only SQLite targets can be backed up or repaired so far: " + target.displayName());
    }
}
