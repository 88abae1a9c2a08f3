package dbmedic.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.ForeignKeyRule;
import dbmedic.core.plan.RepairAction;
import dbmedic.core.sqlite.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForeignKeyParentCheckTest {
    @TempDir
    Path dir;

    private static TinyPack pack(String child) {
        ExpectedSchema s = new ExpectedSchema("2", Map.of(), List.of(),
                List.of(new ForeignKeyRule(child, "models_old", "models", "m2", null)));
        return new TinyPack(2, Map.of(2, s));
    }

    /** Builds the state migration 22 left: rename models to models_old, create models, drop models_old. */
    private Path renamedAway(String childName) {
        String child = "\"" + childName.replace("\"", "\"\"") + "\"";
        return TestDatabases.create(dir.resolve("m.db"), TinyPack.VERSION_TABLE_DDL, TinyPack.recordVersion(2),
                "CREATE TABLE models (id TEXT PRIMARY KEY)",
                "CREATE TABLE " + child + " (model_key_1 TEXT NOT NULL, model_key_2 TEXT NOT NULL,"
                        + " FOREIGN KEY (model_key_1) REFERENCES models(id) ON DELETE CASCADE,"
                        + " FOREIGN KEY (model_key_2) REFERENCES models(id) ON DELETE CASCADE)",
                "INSERT INTO models VALUES ('a'), ('b')",
                "INSERT INTO " + child + " VALUES ('a', 'b')",
                "ALTER TABLE models RENAME TO models_old",
                "CREATE TABLE models (id TEXT PRIMARY KEY)",
                "INSERT INTO models SELECT id FROM models_old",
                "DROP TABLE models_old");
    }

    @Test
    void foreignKeysLeftOnADroppedRenamedTableAreFound() throws Exception {
        Path db = renamedAway("model_relationships");
        List<Finding> f = CheckHarness.run(new ForeignKeyParentCheck(), db, pack("model_relationships"));
        assertEquals(1, f.size());
        Finding wrong = f.get(0);
        assertEquals("sqlite.fk-wrong-parent", wrong.id());
        assertEquals(Severity.ERROR, wrong.severity());
        assertEquals("model_relationships", wrong.subject());
        assertTrue(wrong.evidence().contains("FOREIGN KEY (model_key_1) REFERENCES \"models_old\"(id)"), wrong.evidence());
        assertTrue(wrong.evidence().contains("does not exist"), wrong.evidence());
        assertTrue(wrong.evidence().contains("reports 1 rows"), wrong.evidence());
        assertEquals(List.of(new RepairAction.RepointForeignKeys("model_relationships", "models_old", "models")),
                wrong.actions());
        assertTrue(wrong.cause().contains("no such table: main.models_old"), wrong.cause());
    }

    @Test
    void mentioningTheOldNameWithoutReferencingItIsFine() throws Exception {
        Path db = TestDatabases.create(dir.resolve("ok.db"), TinyPack.VERSION_TABLE_DDL, TinyPack.recordVersion(2),
                "CREATE TABLE models (id TEXT PRIMARY KEY)",
                "CREATE TABLE model_relationships (models_old TEXT, -- was REFERENCES models_old(id)\n"
                        + " model_key_1 TEXT REFERENCES models(id))");
        assertEquals(List.of(), CheckHarness.run(new ForeignKeyParentCheck(), db, pack("model_relationships")));
    }

    @Test
    void hostileChildNamesStayData() throws Exception {
        String hostile = "rel\"; DROP TABLE models; --";
        Path db = renamedAway(hostile);
        List<Finding> f = CheckHarness.run(new ForeignKeyParentCheck(), db, pack(hostile));
        assertEquals(List.of(hostile), f.stream().map(Finding::subject).toList());
    }
}
