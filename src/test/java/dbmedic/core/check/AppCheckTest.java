package dbmedic.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.sqlite.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCheckTest {
    @TempDir
    Path dir;

    private final TinyPack pack = new TinyPack(3, Map.of(3, new ExpectedSchema("3", Map.of(), List.of(), List.of())));

    @Test
    void aKnownVersionIsRecognised() throws Exception {
        Path db = TestDatabases.create(dir.resolve("a.db"), TinyPack.VERSION_TABLE_DDL, TinyPack.recordVersion(3));
        List<Finding> f = CheckHarness.run(new AppCheck(), db, pack);
        assertEquals(1, f.size());
        assertEquals("app.recognised", f.get(0).id());
        assertEquals(Severity.OK, f.get(0).severity());
        assertEquals("tiny", f.get(0).subject());
        assertEquals("The database records schema version 3 (first shipped in t3).", f.get(0).evidence());
    }

    @Test
    void aNewerVersionIsAWarning() throws Exception {
        Path db = TestDatabases.create(dir.resolve("a.db"), TinyPack.VERSION_TABLE_DDL, TinyPack.recordVersion(9));
        List<Finding> f = CheckHarness.run(new AppCheck(), db, pack);
        assertEquals("app.schema-newer", f.get(0).id());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(f.get(0).evidence().contains("9") && f.get(0).evidence().contains("tiny_9"), f.get(0).evidence());
        assertTrue(f.get(0).actions().isEmpty());
    }

    @Test
    void anUnknownDatabaseIsNotRecognised() throws Exception {
        Path db = TestDatabases.create(dir.resolve("a.db"), "CREATE TABLE notes(x)");
        List<Finding> f = CheckHarness.run(new AppCheck(), db, pack);
        assertEquals("app.not-recognised", f.get(0).id());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(f.get(0).evidence().endsWith("It has 1 tables."), f.get(0).evidence());
    }
}
