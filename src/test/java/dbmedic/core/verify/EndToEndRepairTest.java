package dbmedic.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.backup.BackupResult;
import dbmedic.core.backup.SqliteBackup;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnoser;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.plan.SqlitePlanExecutor;
import dbmedic.core.plan.SqliteRepairPlanner;
import dbmedic.core.plan.TestDb;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.Progress;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diagnose → backup → plan → apply → verify on the fixture databases of the three stories,
 * with the engine's real Diagnoser and the app packs.
 */
class EndToEndRepairTest {
    private static final Diagnoser DIAGNOSER = new Diagnoser(PackRegistry.load());

    @TempDir
    Path dir;

    record Outcome(Diagnosis before, RepairPlan plan, BackupResult backup, VerifyResult verify) {
    }

    private Outcome repair(Path db) throws Exception {
        SqliteTarget target = new SqliteTarget(db, db, null);
        Diagnosis before = DIAGNOSER.diagnose(target, DiagnoseOptions.DEFAULT, Progress.NONE);
        assertFalse(before.repairable().isEmpty(), "the fixture has something to repair: " + ids(before));
        BackupResult backup = SqliteBackup.backup(target, dir.resolve("backups"), Progress.NONE);
        RepairPlan plan = SqliteRepairPlanner.plan(target, before);
        SqlitePlanExecutor.apply(target, plan, backup, Progress.NONE);
        VerifyResult verify = SqliteVerifier.verify(target, backup, plan, DIAGNOSER, Progress.NONE);
        assertTrue(verify.ok(), verify.problems() + " / after: " + ids(verify.after()));

        // the backup still holds the original: its diagnosis still shows the problem
        Diagnosis ofBackup = DIAGNOSER.diagnose(new SqliteTarget(backup.file(), backup.file(), null),
                DiagnoseOptions.DEFAULT, Progress.NONE);
        assertEquals(repairableIds(before), repairableIds(ofBackup));
        return new Outcome(before, plan, backup, verify);
    }

    @Test
    void invokeAiMissingDestination() throws Exception {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        long rows = TestDb.count(db, "SELECT count(*) FROM session_queue");
        Outcome o = repair(db);
        assertTrue(o.plan().statements().stream().anyMatch(s -> s.contains("ADD COLUMN destination")),
                o.plan().statements().toString());
        assertEquals(rows, TestDb.count(db, "SELECT count(*) FROM session_queue"));
        assertEquals(1, TestDb.count(db, "SELECT count(*) FROM pragma_table_info('session_queue') WHERE name = 'destination'"));
        assertEquals(TestDb.column(o.backup().file(), "SELECT version FROM migrations ORDER BY version"),
                TestDb.column(db, "SELECT version FROM migrations ORDER BY version"), "the recorded version is unchanged");
    }

    @Test
    void invokeAiModelsOldForeignKeys() throws Exception {
        Path db = SqliteFixtures.invokeAiModelsOldForeignKeys(dir, 31);
        long links = TestDb.count(db, "SELECT count(*) FROM model_relationships");
        Outcome o = repair(db);
        assertEquals(Map.of("model_relationships", -2L), o.plan().expectedRowChanges());
        assertEquals(links - 2, TestDb.count(db, "SELECT count(*) FROM model_relationships"));
        assertEquals(List.of(), TestDb.column(db, "PRAGMA foreign_key_check"));
        assertFalse(TestDb.column(db, "SELECT sql FROM sqlite_master WHERE name = 'model_relationships'").get(0)
                .contains("models_old"));
    }

    @Test
    void gpuStackMissingResolvedPath() throws Exception {
        Path db = SqliteFixtures.gpuStackMissingResolvedPath(dir);
        long instances = TestDb.count(db, "SELECT count(*) FROM model_instances");
        Outcome o = repair(db);
        assertEquals(instances, TestDb.count(db, "SELECT count(*) FROM model_instances"));
        assertEquals(List.of("c45e397531d1"), TestDb.column(db, "SELECT version_num FROM alembic_version"));
        Set<String> cols = new TreeSet<>(TestDb.column(db, "SELECT name FROM pragma_table_xinfo('model_instances')"));
        assertTrue(cols.containsAll(List.of("resolved_path", "restart_count", "last_restart_time")), cols.toString());
        assertEquals(1, TestDb.count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'modelinstancemodelfilelink'"));
    }

    /**
     * A WAL database with rows only in its -wal, and a rebuild of a parent table that other
     * tables reference with ON DELETE CASCADE: the WAL-only rows, the children and the
     * triggers all survive (DROP TABLE runs with foreign keys off).
     */
    @Test
    void rebuildOfACascadeParentInAWalDatabaseKeepsEverything() throws Exception {
        Path db = SqliteFixtures.walWithUncheckpointedRows(dir);
        SqliteTarget target = new SqliteTarget(db, db, null);
        assertTrue(java.nio.file.Files.size(target.wal()) > 0, "rows live in the -wal");
        // read the "before" state from a copy: a read-write connection on the fixture would checkpoint its -wal
        Path peek = java.nio.file.Files.createDirectories(dir.resolve("peek")).resolve("p.db");
        java.nio.file.Files.copy(db, peek);
        java.nio.file.Files.copy(target.wal(), peek.resolveSibling("p.db-wal"));
        List<String> triggers = TestDb.column(peek, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1");
        long boardImages = TestDb.count(peek, "SELECT count(*) FROM board_images");
        assertTrue(boardImages > 0 && !triggers.isEmpty());
        Diagnosis d = dbmedic.core.plan.Repairs.diagnosis(db, new dbmedic.core.plan.RepairAction.AddColumn("boards",
                "touched_at", "touched_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))", null, null));
        BackupResult backup = SqliteBackup.backup(target, dir.resolve("backups"), Progress.NONE);
        RepairPlan plan = SqliteRepairPlanner.plan(target, d);
        assertTrue(plan.steps().get(0).description().startsWith("Rebuild table boards"));
        SqlitePlanExecutor.apply(target, plan, backup, Progress.NONE);

        VerifyResult v = SqliteVerifier.verify(target, backup, plan, DIAGNOSER, Progress.NONE);
        assertTrue(v.ok(), v.problems().toString());
        assertEquals(1, TestDb.count(db, "SELECT count(*) FROM boards WHERE board_id = '" + SqliteFixtures.WAL_BOARD_ID + "'"));
        assertEquals(boardImages, TestDb.count(db, "SELECT count(*) FROM board_images"));
        assertEquals(triggers, TestDb.column(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1"));
        assertEquals(List.of(), TestDb.column(db, "PRAGMA foreign_key_check"));
    }

    private static List<String> ids(Diagnosis d) {
        return d == null ? List.of() : d.findings().stream().map(f -> f.id() + ":" + f.subject() + ":" + f.severity()).toList();
    }

    private static Set<String> repairableIds(Diagnosis d) {
        Set<String> out = new TreeSet<>();
        for (Finding f : d.repairable()) {
            out.add(f.id() + ":" + f.subject());
        }
        return out;
    }
}
