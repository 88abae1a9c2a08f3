package dbmedic.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.ForeignKeyRule;
import dbmedic.core.sqlite.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForeignKeyCheckTest {
    @TempDir
    Path dir;

    @Test
    void noBrokenKeysIsOk() throws Exception {
        Path db = TestDatabases.create(dir.resolve("ok.db"), "CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(p_id REFERENCES p(id))", "INSERT INTO p VALUES (1)", "INSERT INTO c VALUES (1)");
        List<Finding> f = CheckHarness.run(new ForeignKeyCheck(), db, null);
        assertEquals(1, f.size());
        assertEquals(Severity.OK, f.get(0).severity());
    }

    @Test
    void brokenKeysAreGroupedByChildAndParentWithCounts() throws Exception {
        Path db = TestDatabases.create(dir.resolve("bad.db"),
                "CREATE TABLE p(id INTEGER PRIMARY KEY)", "CREATE TABLE q(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(p_id REFERENCES p(id), q_id REFERENCES q(id))",
                "INSERT INTO p VALUES (1)", "INSERT INTO q VALUES (1)",
                "INSERT INTO c VALUES (1, 1), (2, 1), (3, 9), (1, 1)");
        List<Finding> f = CheckHarness.run(new ForeignKeyCheck(), db, null);
        assertEquals(2, f.size(), f.toString());
        Finding toP = f.get(0);
        assertEquals(Severity.ERROR, toP.severity());
        assertEquals("c", toP.subject());
        assertEquals("2 rows of c point to rows missing from p", toP.summary());
        assertTrue(toP.evidence().endsWith("rowids 2, 3"), toP.evidence());
        assertEquals("1 row of c point to rows missing from q".replace("point", "point"), f.get(1).summary());
        assertEquals(List.of("PRAGMA foreign_key_check(\"c\");"), toP.fix().sql());
    }

    @Test
    void rowsPointingAtAWrongParentAreLeftToThatCheck() throws Exception {
        Path db = TestDatabases.create(dir.resolve("old.db"), TinyPack.VERSION_TABLE_DDL, TinyPack.recordVersion(2),
                "CREATE TABLE models(id TEXT PRIMARY KEY)", "CREATE TABLE models_old(id TEXT PRIMARY KEY)",
                "CREATE TABLE links(k REFERENCES models_old(id))", "INSERT INTO links VALUES ('a')",
                "DROP TABLE models_old");
        ExpectedSchema schema = new ExpectedSchema("2", Map.of(), List.of(),
                List.of(new ForeignKeyRule("links", "models_old", "models", "m2", null)));
        List<Finding> f = CheckHarness.run(new ForeignKeyCheck(), db, new TinyPack(2, Map.of(2, schema)));
        assertEquals(List.of(Severity.OK), f.stream().map(Finding::severity).toList());
        assertEquals("PRAGMA foreign_key_check reports only links → models_old, covered by sqlite.fk-wrong-parent.",
                f.get(0).evidence());
        List<Finding> withoutPack = CheckHarness.run(new ForeignKeyCheck(), db, null);
        assertEquals(Severity.ERROR, withoutPack.get(0).severity());
    }
}
