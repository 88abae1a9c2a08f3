package dbmedic.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.backup.BackupResult;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor never leaves the database worse: refusals and failures leave it byte-for-byte as it was. */
class SqlitePlanExecutorTest {
    @TempDir
    Path dir;

    private Path db() throws Exception {
        return TestDb.create(dir.resolve("app.db"), "CREATE TABLE t (a INTEGER, b TEXT)",
                "INSERT INTO t VALUES (1, 'x'), (2, 'y')", "CREATE TABLE u (id INTEGER PRIMARY KEY)");
    }

    private static RepairPlan plan(String... statements) {
        return new RepairPlan(List.of(new PlanStep("test", "t", List.of(statements))), Map.of(), List.of());
    }

    @Test
    void refusesWithoutAVerifiedBackup() throws Exception {
        Path db = db();
        String before = TestDb.sha(db);
        RepairPlan p = plan("ALTER TABLE t ADD COLUMN c TEXT");
        RepairFailedException e = assertThrows(RepairFailedException.class,
                () -> SqlitePlanExecutor.apply(Repairs.target(db), p, null, Progress.NONE));
        assertTrue(e.getMessage().contains("No verified backup"));
        BackupResult b = Repairs.backup(db);
        BackupResult unverified = new BackupResult(b.file(), b.manifest(), b.bytes(), b.sha256(), b.rowCounts(),
                b.integrity(), false, b.at());
        assertThrows(RepairFailedException.class,
                () -> SqlitePlanExecutor.apply(Repairs.target(db), p, unverified, Progress.NONE));
        assertEquals(before, TestDb.sha(db));
    }

    @Test
    void refusesATamperedOrMissingBackup() throws Exception {
        Path db = db();
        BackupResult b = Repairs.backup(db);
        String before = TestDb.sha(db);
        RepairPlan p = plan("ALTER TABLE t ADD COLUMN c TEXT");
        TestDb.exec(b.file(), "DELETE FROM t");
        RepairFailedException e = assertThrows(RepairFailedException.class,
                () -> SqlitePlanExecutor.apply(Repairs.target(db), p, b, Progress.NONE));
        assertTrue(e.getMessage().contains("missing or changed"), e.getMessage());
        Files.delete(b.file());
        assertThrows(RepairFailedException.class, () -> SqlitePlanExecutor.apply(Repairs.target(db), p, b, Progress.NONE));
        assertEquals(before, TestDb.sha(db));
    }

    @Test
    void refusesABackupOfAnotherDatabase() throws Exception {
        Path db = db();
        Path other = TestDb.create(dir.resolve("other.db"), "CREATE TABLE t (a INTEGER, b TEXT)");
        BackupResult b = Repairs.backup(other);
        RepairFailedException e = assertThrows(RepairFailedException.class, () -> SqlitePlanExecutor.apply(
                Repairs.target(db), plan("ALTER TABLE t ADD COLUMN c TEXT"), b, Progress.NONE));
        assertTrue(e.getMessage().contains("another database"));
    }

    @Test
    void aFailingStatementRollsEverythingBack() throws Exception {
        Path db = db();
        BackupResult b = Repairs.backup(db);
        String before = TestDb.sha(db);
        RepairPlan p = plan("ALTER TABLE t ADD COLUMN c TEXT", "ALTER TABLE nope ADD COLUMN d TEXT",
                "DELETE FROM t");
        RepairFailedException e = assertThrows(RepairFailedException.class,
                () -> SqlitePlanExecutor.apply(Repairs.target(db), p, b, Progress.NONE));
        assertTrue(e.getMessage().contains("Statement 2 failed: ALTER TABLE nope ADD COLUMN d TEXT"), e.getMessage());
        assertTrue(e.getMessage().contains("no such table: nope"), e.getMessage());
        assertEquals(before, TestDb.sha(db));
    }

    @Test
    void aRebuildThatBreaksForeignKeysIsRolledBack() throws Exception {
        Path db = TestDb.create(dir.resolve("fk.db"), "CREATE TABLE p (id INTEGER PRIMARY KEY)",
                "CREATE TABLE c (pid INTEGER)", "INSERT INTO c VALUES (7)");
        BackupResult b = Repairs.backup(db);
        String before = TestDb.sha(db);
        RepairPlan p = plan("CREATE TABLE \"new_c\" (pid INTEGER REFERENCES p(id))",
                "INSERT INTO \"new_c\" (\"pid\") SELECT \"pid\" FROM \"c\"", "DROP TABLE \"c\"",
                "ALTER TABLE \"new_c\" RENAME TO \"c\"");
        RepairFailedException e = assertThrows(RepairFailedException.class,
                () -> SqlitePlanExecutor.apply(Repairs.target(db), p, b, Progress.NONE));
        assertTrue(e.getMessage().contains("foreign_key_check"), e.getMessage());
        assertEquals(before, TestDb.sha(db));
    }

    @Test
    void cancelRollsBack() throws Exception {
        Path db = db();
        BackupResult b = Repairs.backup(db);
        String before = TestDb.sha(db);
        Progress cancelAfterFirst = new Progress() {
            int updates;

            @Override
            public void update(long done, long total, String message) {
                updates++;
            }

            @Override
            public boolean isCancelled() {
                return updates >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> SqlitePlanExecutor.apply(Repairs.target(db),
                plan("ALTER TABLE t ADD COLUMN c TEXT", "DELETE FROM t", "DROP TABLE u"), b, cancelAfterFirst));
        assertEquals(before, TestDb.sha(db));
    }

    @Test
    void aBusyDatabaseIsReportedAndUntouched() throws Exception {
        Path db = db();
        BackupResult b = Repairs.backup(db);
        try (Connection app = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = app.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("INSERT INTO t VALUES (3, 'app')");
            RepairFailedException e = assertThrows(RepairFailedException.class, () -> SqlitePlanExecutor.apply(
                    Repairs.target(db), plan("ALTER TABLE t ADD COLUMN c TEXT"), b, Progress.NONE));
            assertTrue(e.getMessage().contains("busy: stop the app first"), e.getMessage());
            st.execute("ROLLBACK");
        }
        assertEquals(2, TestDb.count(db, "SELECT count(*) FROM pragma_table_info('t')"));
    }

    @Test
    void rebuiltTablesAreFoundAndPassForeignKeyCheck() throws Exception {
        Path db = ModelsOld.database(dir.resolve("invokeai.db"));
        RepairPlan p = Repairs.plan(db, new RepairAction.RepointForeignKeys("model_relationships", "models_old", "models"));
        assertEquals(List.of("model_relationships"), PlanStatements.rebuiltTables(p));
        Repairs.apply(db, p);
        assertEquals(List.of(), TestDb.column(db, "PRAGMA foreign_key_check"));
    }
}
