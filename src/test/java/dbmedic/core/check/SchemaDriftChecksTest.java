package dbmedic.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.AbsentTable;
import dbmedic.core.knowledge.ErrorPattern;
import dbmedic.core.knowledge.ExpectedColumn;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.ExpectedTable;
import dbmedic.core.plan.RepairAction;
import dbmedic.core.sqlite.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing tables, missing columns and leftover tables, against a small expected schema. */
class SchemaDriftChecksTest {
    @TempDir
    Path dir;

    private static ExpectedColumn col(String name, String definition, String statement, String by) {
        return new ExpectedColumn(name, definition, statement, null, false, by);
    }

    /** Version 2 of the tiny app: queue(id, origin, destination, label generated), files (with DDL), notes (without). */
    static ExpectedSchema v2() {
        ExpectedTable queue = new ExpectedTable("queue", List.of(
                col("id", "id INTEGER PRIMARY KEY", null, "m1"),
                col("origin", "origin TEXT", "ALTER TABLE queue ADD COLUMN origin TEXT;", "m2"),
                col("destination", "destination TEXT", "ALTER TABLE queue ADD COLUMN destination TEXT;", "m2"),
                new ExpectedColumn("label", "label TEXT GENERATED ALWAYS AS (id || origin) VIRTUAL", null, null, true, "m2"),
                col("Priority", "priority INTEGER NOT NULL DEFAULT 0", null, "m1")), List.of(), "m1");
        ExpectedTable files = new ExpectedTable("files", List.of(col("id", "id INTEGER", null, "m2")),
                List.of("CREATE TABLE files (id INTEGER PRIMARY KEY)", "CREATE INDEX files_id ON files(id)"), "m2");
        ExpectedTable notes = new ExpectedTable("notes", List.of(col("id", "id INTEGER", null, "m2")), List.of(), "m2");
        ExpectedTable versions = new ExpectedTable("tiny_versions", List.of(col("version", "version INTEGER", null, "m0")),
                List.of(), "m0");
        return new ExpectedSchema("2", Map.of("queue", queue, "files", files, "notes", notes, "tiny_versions", versions),
                List.of(new AbsentTable("old_stuff", "m2", "Migration 2 moves old_stuff into queue and drops it.")),
                List.of());
    }

    private static TinyPack pack(List<ErrorPattern> errors) {
        return new TinyPack("tiny", 2, Map.of(2, v2()), errors);
    }

    private Path db(int version, String... more) {
        String[] all = new String[more.length + 2];
        all[0] = TinyPack.VERSION_TABLE_DDL;
        all[1] = TinyPack.recordVersion(version);
        System.arraycopy(more, 0, all, 2, more.length);
        return TestDatabases.create(dir.resolve("t" + System.nanoTime() + ".db"), all);
    }

    private static final String HEALTHY_QUEUE = "CREATE TABLE queue (id INTEGER PRIMARY KEY, origin TEXT, destination TEXT,"
            + " PRIORITY INTEGER NOT NULL DEFAULT 0, label TEXT GENERATED ALWAYS AS (id || origin) VIRTUAL)";

    @Test
    void aHealthySchemaHasNoDrift() throws Exception {
        Path db = db(2, HEALTHY_QUEUE, "CREATE TABLE files (id INTEGER PRIMARY KEY)", "CREATE TABLE notes (id)");
        for (Check c : List.of(new MissingTableCheck(), new MissingColumnCheck(), new LeftoverTableCheck())) {
            assertEquals(List.of(), CheckHarness.run(c, db, pack(List.of())), c.title());
        }
    }

    @Test
    void aMissingColumnGetsTheAppsStatementAndAnAddColumnAction() throws Exception {
        Path db = db(2, "CREATE TABLE queue (id INTEGER PRIMARY KEY, origin TEXT, priority INTEGER,"
                + " label TEXT GENERATED ALWAYS AS (id || origin) VIRTUAL)",
                "CREATE TABLE files (id INTEGER PRIMARY KEY)", "CREATE TABLE notes (id)");
        List<Finding> f = CheckHarness.run(new MissingColumnCheck(), db, pack(List.of()));
        assertEquals(1, f.size(), f.toString());
        Finding m = f.get(0);
        assertEquals("sqlite.missing-column", m.id());
        assertEquals(Severity.ERROR, m.severity());
        assertEquals("queue.destination", m.subject());
        assertEquals(List.of("ALTER TABLE queue ADD COLUMN destination TEXT;"), m.fix().sql());
        assertEquals(List.of(new RepairAction.AddColumn("queue", "destination", "destination TEXT",
                "ALTER TABLE queue ADD COLUMN destination TEXT;", null)), m.actions());
        assertEquals("queue has 4 columns; destination is not among them. The database records Tiny-tiny schema"
                + " version 2 (t2), whose schema includes it (added by m2).", m.evidence());
        assertTrue(m.cause().contains("no such column: destination"), m.cause());
    }

    @Test
    void aGeneratedColumnIsSeenAndAMissingOneIsReported() throws Exception {
        Path db = db(2, "CREATE TABLE queue (id INTEGER PRIMARY KEY, origin TEXT, destination TEXT, priority INTEGER)",
                "CREATE TABLE files (id)", "CREATE TABLE notes (id)");
        List<Finding> f = CheckHarness.run(new MissingColumnCheck(), db, pack(List.of()));
        assertEquals(List.of("queue.label"), f.stream().map(Finding::subject).toList());
        assertEquals(List.of("ALTER TABLE \"queue\" ADD COLUMN label TEXT GENERATED ALWAYS AS (id || origin) VIRTUAL;"),
                f.get(0).fix().sql());
    }

    @Test
    void theCauseComesFromThePacksErrorCatalogWhenItHasOne() throws Exception {
        Path db = db(2, "CREATE TABLE queue (id INTEGER PRIMARY KEY, origin TEXT, priority INTEGER,"
                + " label TEXT GENERATED ALWAYS AS (id || origin) VIRTUAL)", "CREATE TABLE files (id)", "CREATE TABLE notes (id)");
        ErrorPattern story = new ErrorPattern("no such column: destination", false, "sqlite.missing-column",
                "queue.destination", "s", "Dev builds 2.dev3 to 2.dev7 shipped m2 without destination.", "f", List.of(), List.of());
        List<Finding> f = CheckHarness.run(new MissingColumnCheck(), db, pack(List.of(story)));
        assertEquals("Dev builds 2.dev3 to 2.dev7 shipped m2 without destination.", f.get(0).cause());
    }

    @Test
    void missingTablesAreCreatableOnlyWithTheirDdl() throws Exception {
        Path db = db(2, HEALTHY_QUEUE);
        List<Finding> f = CheckHarness.run(new MissingTableCheck(), db, pack(List.of()));
        assertEquals(List.of("files", "notes"), f.stream().map(Finding::subject).toList());
        Finding files = f.get(0);
        assertEquals(List.of(new RepairAction.CreateTable("files",
                List.of("CREATE TABLE files (id INTEGER PRIMARY KEY)", "CREATE INDEX files_id ON files(id)"))), files.actions());
        assertEquals(2, files.fix().sql().size());
        Finding notes = f.get(1);
        assertTrue(notes.actions().isEmpty());
        assertTrue(notes.fix().sql().isEmpty());
        assertTrue(notes.fix().summary().contains("Restore the backup"), notes.fix().summary());
        assertEquals(List.of(), CheckHarness.run(new MissingColumnCheck(), db, pack(List.of())),
                "columns of missing tables are not reported separately");
    }

    @Test
    void aLeftoverTableIsAWarningWithSqlToCopyButNoAction() throws Exception {
        Path db = db(2, HEALTHY_QUEUE, "CREATE TABLE files (id)", "CREATE TABLE notes (id)",
                "CREATE TABLE Old_Stuff (x)", "INSERT INTO Old_Stuff VALUES (1)");
        List<Finding> f = CheckHarness.run(new LeftoverTableCheck(), db, pack(List.of()));
        assertEquals(1, f.size());
        Finding left = f.get(0);
        assertEquals("sqlite.leftover-table", left.id());
        assertEquals(Severity.WARNING, left.severity());
        assertEquals("Old_Stuff", left.subject());
        assertEquals(List.of("DROP TABLE \"Old_Stuff\";"), left.fix().sql());
        assertTrue(left.actions().isEmpty());
        assertTrue(left.evidence().contains("holds rows") && left.evidence().contains("dropped by m2"), left.evidence());
        assertEquals("Migration 2 moves old_stuff into queue and drops it.", left.cause());
    }

    @Test
    void aNewerSchemaIsNeverComparedWithAnOlderOne() throws Exception {
        Path db = db(7, "CREATE TABLE queue (id)", "CREATE TABLE old_stuff (x)");
        TinyPack p = new TinyPack("tiny", 2, Map.of(2, v2(), 7, v2()), List.of());
        for (Check c : List.of(new MissingTableCheck(), new MissingColumnCheck(), new LeftoverTableCheck())) {
            assertEquals(List.of(), CheckHarness.run(c, db, p), c.title());
        }
    }

    @Test
    void noPackMeansNoDrift() throws Exception {
        Path db = db(2, "CREATE TABLE queue (id)");
        assertEquals(List.of(), CheckHarness.run(new MissingColumnCheck(), db, null));
    }
}
