package dbmedic.core.plan;

import static dbmedic.core.plan.TestDb.column;
import static dbmedic.core.plan.TestDb.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** InvokeAI's models_old leftover (invokeai.md §8), produced the way migration 22 produced it. */
class RepointForeignKeysTest {
    @TempDir
    Path dir;

    @Test
    void repointDropsTheOrphanAndLeavesCleanForeignKeys() throws Exception {
        Path db = ModelsOld.database(dir.resolve("invokeai.db"));
        assertTrue(column(db, "SELECT sql FROM sqlite_master WHERE name = 'model_relationships'").get(0)
                .contains("REFERENCES \"models_old\""), "the fixture reproduces migration 22's damage");

        RepairPlan plan = Repairs.plan(db,
                new RepairAction.RepointForeignKeys("model_relationships", "models_old", "models"));
        assertEquals(Map.of("model_relationships", -2L), plan.expectedRowChanges());
        assertEquals("Rebuild table model_relationships so its foreign keys reference models instead of models_old "
                + "(drops 2 orphaned links)", plan.steps().get(0).description());
        assertTrue(plan.statements().get(0).contains("REFERENCES \"models\"(id) ON DELETE CASCADE"));
        assertFalse(plan.statements().get(0).contains("models_old"));

        Repairs.apply(db, plan);

        assertEquals(List.of("a b"), column(db, "SELECT model_key_1 || ' ' || model_key_2 FROM model_relationships"));
        assertEquals(List.of(), column(db, "PRAGMA foreign_key_check"));
        assertFalse(column(db, "SELECT sql FROM sqlite_master WHERE name = 'model_relationships'").get(0)
                .contains("models_old"));
        assertEquals(1, count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'keyx_model_relationships_model_key_2'"));
        // ON DELETE CASCADE works again
        TestDb.exec(db, "PRAGMA foreign_keys=ON", "DELETE FROM models WHERE id = 'a'");
        assertEquals(0, count(db, "SELECT count(*) FROM model_relationships"));
    }

    @Test
    void nothingToDoWhenTheForeignKeysAreAlreadyRight() throws Exception {
        Path db = TestDb.create(dir.resolve("ok.db"), "CREATE TABLE models (id TEXT PRIMARY KEY)",
                "CREATE TABLE rel (k TEXT REFERENCES models(id))");
        RepairPlan plan = Repairs.plan(db, new RepairAction.RepointForeignKeys("rel", "models_old", "models"));
        assertTrue(plan.isEmpty());
        assertTrue(plan.notes().get(0).contains("no foreign key to models_old"));
    }
}
