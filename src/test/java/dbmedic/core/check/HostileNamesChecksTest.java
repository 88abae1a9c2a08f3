package dbmedic.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.AbsentTable;
import dbmedic.core.knowledge.ExpectedColumn;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.knowledge.ExpectedTable;
import dbmedic.core.sqlite.SqlIdentifiers;
import dbmedic.core.sqlite.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from the database are data: quotes, semicolons and comment markers break nothing. */
class HostileNamesChecksTest {
    @TempDir
    Path dir;

    private static final String TABLE = "we\"ird; DROP TABLE tiny_versions; --";
    private static final String LEFTOVER = "it's old';--";
    private static final String PARENT = "pa\"rent";

    private static String q(String name) {
        return SqlIdentifiers.quote(name);
    }

    @Test
    void everyCheckCopesAndTheQuotedSqlIsValid() throws Exception {
        Path db = TestDatabases.create(dir.resolve("h.db"), TinyPack.VERSION_TABLE_DDL, TinyPack.recordVersion(1),
                "CREATE TABLE " + q(TABLE) + " (id INTEGER PRIMARY KEY)",
                "CREATE TABLE " + q(LEFTOVER) + " (x)",
                "CREATE TABLE " + q(PARENT) + " (id INTEGER PRIMARY KEY)",
                "CREATE TABLE " + q("chi'ld\"") + " (p REFERENCES " + q(PARENT) + "(id))",
                "INSERT INTO " + q("chi'ld\"") + " VALUES (5)");
        ExpectedTable table = new ExpectedTable(TABLE, List.of(
                new ExpectedColumn("id", "id INTEGER", null, null, false, "m1"),
                new ExpectedColumn("o'clock", "\"o'clock\" TEXT", null, null, false, "m1")), List.of(), "m1");
        ExpectedSchema schema = new ExpectedSchema("1", Map.of(TABLE, table),
                List.of(new AbsentTable(LEFTOVER, "m1", null)), List.of());
        TinyPack pack = new TinyPack(1, Map.of(1, schema));

        List<Finding> missing = CheckHarness.run(new MissingColumnCheck(), db, pack);
        assertEquals(List.of(TABLE + ".o'clock"), missing.stream().map(Finding::subject).toList());
        String add = missing.get(0).fix().sql().get(0);
        assertEquals("ALTER TABLE \"we\"\"ird; DROP TABLE tiny_versions; --\" ADD COLUMN \"o'clock\" TEXT;", add);

        List<Finding> leftover = CheckHarness.run(new LeftoverTableCheck(), db, pack);
        assertEquals(List.of(LEFTOVER), leftover.stream().map(Finding::subject).toList());
        assertTrue(leftover.get(0).evidence().contains("holds no") || leftover.get(0).evidence().contains("is empty"));

        List<Finding> fk = CheckHarness.run(new ForeignKeyCheck(), db, pack);
        assertEquals(List.of("chi'ld\""), fk.stream().map(Finding::subject).toList());
        assertTrue(fk.get(0).evidence().endsWith("rowids 1"), fk.get(0).evidence());

        // The statements DB Medic shows really do what they say (run on this test file).
        try (Connection c = TestDatabases.open(db); Statement st = c.createStatement()) {
            st.execute(add);
            st.execute(leftover.get(0).fix().sql().get(0));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name IN ('tiny_versions', "
                    + SqlIdentifiers.literal(TABLE) + ")")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
        assertEquals(List.of(), CheckHarness.run(new MissingColumnCheck(), db, pack));
        assertEquals(List.of(), CheckHarness.run(new LeftoverTableCheck(), db, pack));
    }
}
