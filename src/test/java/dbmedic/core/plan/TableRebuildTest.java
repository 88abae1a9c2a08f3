package dbmedic.core.plan;

import static dbmedic.core.plan.TestDb.column;
import static dbmedic.core.plan.TestDb.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 12-step rebuild keeps rows, indexes, triggers, views, generated columns and AUTOINCREMENT. */
class TableRebuildTest {
    @TempDir
    Path dir;

    @Test
    void rebuildToAddANonConstantDefaultColumnKeepsEverything() throws Exception {
        Path db = TestDb.create(dir.resolve("app.db"),
                "CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
                        + "twice INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL, "
                        + "upper_name TEXT GENERATED ALWAYS AS (upper(name)) STORED)",
                "CREATE TABLE log (item_id INTEGER, what TEXT)",
                "CREATE INDEX items_name ON items(name)",
                "CREATE UNIQUE INDEX items_upper ON items(upper_name)",
                "CREATE TRIGGER items_ins AFTER INSERT ON items BEGIN INSERT INTO log VALUES (new.id, 'ins'); END",
                "CREATE TRIGGER log_ins AFTER INSERT ON log WHEN new.what = 'x' BEGIN "
                        + "UPDATE items SET name = name WHERE id = new.item_id; END",
                "CREATE VIEW item_names AS SELECT name FROM items",
                "CREATE VIEW item_log AS SELECT i.name, l.what FROM log l JOIN items i ON i.id = l.item_id",
                "CREATE VIEW item_log_count AS SELECT count(*) AS n FROM item_log",
                "CREATE TRIGGER item_names_ins INSTEAD OF INSERT ON item_names BEGIN "
                        + "INSERT INTO items(name) VALUES (new.name); END",
                "INSERT INTO items(name) VALUES ('a'), ('b'), ('c')",
                "DELETE FROM items WHERE name = 'c'");
        List<String> objectsBefore = column(db, "SELECT type || ' ' || name FROM sqlite_master ORDER BY 1");

        RepairPlan plan = Repairs.plan(db, new RepairAction.AddColumn("items", "created",
                "created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP", null, null));
        assertEquals(1, plan.steps().size());
        assertTrue(plan.steps().get(0).description().startsWith("Rebuild table items to add column created"));
        List<String> s = plan.statements();
        assertTrue(s.get(0).startsWith("CREATE TABLE \"new_items\" ("), s.get(0));
        assertEquals("INSERT INTO \"new_items\" (\"id\", \"name\") SELECT \"id\", \"name\" FROM \"items\"", s.get(1));
        assertTrue(s.contains("DROP TABLE \"items\""));
        assertTrue(s.contains("ALTER TABLE \"new_items\" RENAME TO \"items\""));
        assertTrue(s.indexOf("DROP VIEW \"item_names\"") < s.indexOf("DROP TABLE \"items\""));

        Repairs.apply(db, plan);

        assertEquals(List.of("1 a 2 A", "2 b 4 B"),
                column(db, "SELECT id || ' ' || name || ' ' || twice || ' ' || upper_name FROM items ORDER BY id"));
        assertEquals(2, count(db, "SELECT count(*) FROM items WHERE created IS NOT NULL"));
        assertEquals(objectsBefore, column(db, "SELECT type || ' ' || name FROM sqlite_master ORDER BY 1"));
        assertEquals(3, count(db, "SELECT seq FROM sqlite_sequence WHERE name = 'items'"),
                "AUTOINCREMENT keeps counting from where it was (row 3 was deleted)");
        assertEquals(2, count(db, "SELECT count(*) FROM item_log_count JOIN item_log"), "views still work");
        TestDb.exec(db, "INSERT INTO item_names VALUES ('d')");
        assertEquals(4, count(db, "SELECT id FROM items WHERE name = 'd'"), "INSTEAD OF trigger recreated");
        assertEquals(1, count(db, "SELECT count(*) FROM log WHERE item_id = 4 AND what = 'ins'"),
                "AFTER INSERT trigger recreated");
        assertEquals("ok", column(db, "PRAGMA integrity_check").get(0));
        assertEquals(List.of("index", "index"), column(db,
                "SELECT type FROM sqlite_master WHERE tbl_name = 'items' AND type = 'index' AND sql IS NOT NULL"));
        assertFalse(column(db, "SELECT name FROM sqlite_master").contains("new_items"));
    }

    @Test
    void hostileIdentifiersStayNames() throws Exception {
        String table = "we\"ird; DROP TABLE victim;--";
        String q = "\"we\"\"ird; DROP TABLE victim;--\"";
        Path db = TestDb.create(dir.resolve("hostile.db"),
                "CREATE TABLE victim (a)",
                "INSERT INTO victim VALUES (1)",
                "CREATE TABLE " + q + " (\"co\"\"l\" TEXT, [sp ace] INTEGER)",
                "CREATE INDEX \"ix'\" ON " + q + " (\"co\"\"l\")",
                "CREATE VIEW \"v]\" AS SELECT \"co\"\"l\" FROM " + q,
                "INSERT INTO " + q + " VALUES ('x''y', 1), ('z', 2)");
        RepairPlan plan = Repairs.plan(db,
                new RepairAction.AddColumn(table, "new\"col", "\"new\"\"col\" TEXT NOT NULL", null, "'filled'"),
                new RepairAction.AddColumn(table, "plain", "plain TEXT", null, null));
        assertEquals(1, plan.steps().size(), "several columns of one table: one rebuild");
        Repairs.apply(db, plan);
        assertEquals(List.of("x'y|1|filled|", "z|2|filled|"), column(db,
                "SELECT \"co\"\"l\" || '|' || [sp ace] || '|' || \"new\"\"col\" || '|' || ifnull(plain, '') FROM "
                        + q + " ORDER BY 1"));
        assertEquals(1, count(db, "SELECT count(*) FROM victim"));
        assertEquals(2, count(db, "SELECT count(*) FROM \"v]\""));
        assertEquals(1, count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'ix'''"));
    }

    @Test
    void storedGeneratedColumnIsAddedByRebuildAndComputedForExistingRows() throws Exception {
        Path db = TestDb.create(dir.resolve("gen.db"), "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)",
                "INSERT INTO t (v) VALUES (10), (20)");
        RepairPlan plan = Repairs.plan(db,
                new RepairAction.AddColumn("t", "doubled", "doubled INTEGER GENERATED ALWAYS AS (v * 2) STORED", null, null),
                new RepairAction.AddColumn("t", "flag", "flag INTEGER NOT NULL DEFAULT 0", null, null));
        assertEquals("INSERT INTO \"new_t\" (\"id\", \"v\") SELECT \"id\", \"v\" FROM \"t\"", plan.statements().get(1));
        Repairs.apply(db, plan);
        assertEquals(List.of("1 10 20 0", "2 20 40 0"),
                column(db, "SELECT id || ' ' || v || ' ' || doubled || ' ' || flag FROM t ORDER BY id"));
        assertEquals(3, count(db, "SELECT hidden FROM pragma_table_xinfo('t') WHERE name = 'doubled'"));
    }

    @Test
    void notNullWithoutDefaultOrFillValueIsNotPlanned() throws Exception {
        Path db = TestDb.create(dir.resolve("nofill.db"), "CREATE TABLE t (a)", "INSERT INTO t VALUES (1)");
        RepairPlan plan = Repairs.plan(db, new RepairAction.AddColumn("t", "b", "b TEXT NOT NULL", null, null));
        assertTrue(plan.isEmpty());
        assertTrue(plan.notes().get(0).contains("NOT NULL without a default"), plan.notes().toString());
    }

    @Test
    void allowedColumnsUseAlterTableAndThePacksStatementVerbatim() throws Exception {
        Path db = TestDb.create(dir.resolve("add.db"), "CREATE TABLE session_queue (item_id INTEGER PRIMARY KEY, origin TEXT)",
                "CREATE TABLE m (id TEXT)");
        RepairPlan plan = Repairs.plan(db,
                new RepairAction.AddColumn("session_queue", "destination", "destination TEXT",
                        "ALTER TABLE session_queue ADD COLUMN destination TEXT;", null),
                new RepairAction.AddColumn("session_queue", "origin", "origin TEXT", null, null),
                new RepairAction.AddColumn("m", "x", "x TEXT", "DROP TABLE m", null),
                new RepairAction.CreateTable("extra", List.of("CREATE TABLE extra (id INTEGER PRIMARY KEY);",
                        "CREATE INDEX extra_id ON extra(id)")));
        assertEquals(List.of("CREATE TABLE extra (id INTEGER PRIMARY KEY)", "CREATE INDEX extra_id ON extra(id)",
                "ALTER TABLE session_queue ADD COLUMN destination TEXT",
                "ALTER TABLE \"m\" ADD COLUMN x TEXT"), plan.statements());
        assertTrue(plan.notes().get(0).contains("session_queue.origin already exists"));
    }
}
