package dbmedic.core.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.backup.BackupResult;
import dbmedic.core.plan.RepairAction;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.plan.Repairs;
import dbmedic.core.plan.ModelsOld;
import dbmedic.core.plan.TestDb;
import dbmedic.core.task.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteVerifierTest {
    @TempDir
    Path dir;

    @Test
    void rowCountsMustMatchTheBackupPlusThePlansChanges() {
        RowCountComparison c = RowCountComparison.compare(
                Map.of("a", 10L, "rel", 3L, "gone", 1L),
                Map.of("a", 10L, "rel", 2L, "new_table", 0L),
                Map.of("rel", -1L));
        assertEquals(List.of("Table gone had 1 row in the backup and is missing now."), c.problems());
        assertArrayEquals(new long[]{3, 2}, c.rowCounts().get("rel"));
        assertArrayEquals(new long[]{0, 0}, c.rowCounts().get("new_table"));

        RowCountComparison lost = RowCountComparison.compare(Map.of("a", 10L), Map.of("a", 9L), Map.of());
        assertEquals(List.of("Table a had 10 rows before the repair and has 9 now."), lost.problems());
        RowCountComparison unexpected = RowCountComparison.compare(Map.of("rel", 3L), Map.of("rel", 3L),
                Map.of("rel", -1L));
        assertEquals(List.of("Table rel had 3 rows before the repair and has 3 now (the plan expected 2)."),
                unexpected.problems());
    }

    @Test
    void aRepairedDatabaseVerifies() throws Exception {
        Path db = ModelsOld.database(dir.resolve("invokeai.db"));
        RepairPlan plan = Repairs.plan(db,
                new RepairAction.RepointForeignKeys("model_relationships", "models_old", "models"),
                new RepairAction.AddColumn("models", "note", "note TEXT", null, null));
        BackupResult backup = Repairs.apply(db, plan);

        VerifyResult r = SqliteVerifier.verify(Repairs.target(db), backup, plan, null, Progress.NONE);
        assertTrue(r.ok(), r.problems().toString());
        assertArrayEquals(new long[]{3, 1}, r.rowCounts().get("model_relationships"));
        assertArrayEquals(new long[]{2, 2}, r.rowCounts().get("models"));
    }

    @Test
    void lostRowsAndNewForeignKeyViolationsAreReported() throws Exception {
        Path db = TestDb.create(dir.resolve("app.db"), "CREATE TABLE p (id INTEGER PRIMARY KEY)",
                "CREATE TABLE c (pid INTEGER REFERENCES p(id))", "INSERT INTO p VALUES (1), (2)",
                "INSERT INTO c VALUES (1), (2)");
        BackupResult backup = Repairs.backup(db);
        TestDb.exec(db, "DELETE FROM p WHERE id = 2");
        VerifyResult r = SqliteVerifier.verify(Repairs.target(db), backup, null, null, Progress.NONE);
        assertFalse(r.ok());
        assertEquals(List.of("Table p had 2 rows before the repair and has 1 now.",
                "Table c has 1 row whose foreign key has no parent row."), r.problems());
    }
}
