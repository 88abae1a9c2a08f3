package dbmedic.core.plan;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.backup.SqliteBackup;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Diagnoses built by hand (the engine's checks are tested on their own) and the repair path. */
public final class Repairs {
    private Repairs() {
    }

    public static SqliteTarget target(Path db) {
        return new SqliteTarget(db, db, null);
    }

    public static Diagnosis diagnosis(Path db, RepairAction... actions) {
        List<Finding> findings = java.util.Arrays.stream(actions)
                .map(a -> new Finding("test.action", Severity.ERROR, a.table(), "needs " + a, "", "", Fix.text(""),
                        List.of(a)))
                .toList();
        return new Diagnosis(target(db), AppIdentity.UNKNOWN, findings, Instant.now());
    }

    public static RepairPlan plan(Path db, RepairAction... actions) throws Exception {
        return SqliteRepairPlanner.plan(target(db), diagnosis(db, actions));
    }

    public static BackupResult backup(Path db) throws Exception {
        return SqliteBackup.backup(target(db), db.getParent().resolve("backups"), Progress.NONE);
    }

    /** Backup, then apply: the one mutation path. */
    public static BackupResult apply(Path db, RepairPlan plan) throws Exception {
        BackupResult b = backup(db);
        SqlitePlanExecutor.apply(target(db), plan, b, Progress.NONE);
        return b;
    }
}
