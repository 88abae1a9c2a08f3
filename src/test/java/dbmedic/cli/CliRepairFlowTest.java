package dbmedic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on fixture databases: diagnose → repair (backup, apply, verify) → verify. */
class CliRepairFlowTest {
    @TempDir
    Path dir;

    @Test
    void diagnoseFindsMissingDestinationAndChangesNothing() {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        Map<String, String> before = CliRunner.hashes(dir);
        CliRunner.Result r = CliRunner.run("diagnose", dir.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        JsonNode json = r.json();
        assertEquals("invokeai", json.at("/app/id").asText());
        assertEquals("15", json.at("/app/schemaVersion").asText());
        List<String> errors = new ArrayList<>();
        for (JsonNode f : json.get("findings")) {
            if (f.get("severity").asText().equals("error")) {
                errors.add(f.get("id").asText() + " " + f.get("subject").asText());
            }
        }
        assertEquals(List.of("sqlite.missing-column session_queue.destination"), errors);
        assertEquals(before, CliRunner.hashes(dir), "diagnose changed a file");
        assertTrue(Files.exists(db));
    }

    @Test
    void healthyDatabaseExitsZero() {
        SqliteFixtures.invokeAiHealthy(dir, 32);
        CliRunner.Result r = CliRunner.run("diagnose", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("healthy"), r.out());
    }

    @Test
    void dryRunShowsTheStatementAndTouchesNothing() {
        SqliteFixtures.invokeAiMissingDestination(dir);
        Map<String, String> before = CliRunner.hashes(dir);
        CliRunner.Result r = CliRunner.run("repair", dir.toString(), "--dry-run");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("ADD COLUMN destination"), r.out());
        assertTrue(r.out().contains("Dry run: nothing was changed"), r.out());
        assertEquals(before, CliRunner.hashes(dir), "a dry run must not write, not even a backup");
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsApplied() throws Exception {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        String hash = CliRunner.hashes(dir).get(dir.relativize(db).toString());
        CliRunner.Result r = CliRunner.run("repair", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("--yes"), r.err());
        assertEquals(hash, CliRunner.hashes(dir).get(dir.relativize(db).toString()), "the database changed");
        assertFalse(columns(db, "session_queue").contains("destination"));
    }

    @Test
    void repairAddsDestinationKeepsRowsAndTheBackupHoldsTheOriginal() throws Exception {
        Path db = SqliteFixtures.invokeAiMissingDestination(dir);
        long rows = count(db, "session_queue");
        assertTrue(rows > 0, "the fixture has queue items");

        CliRunner.Result r = CliRunner.run("repair", dir.toString(), "--yes", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode json = r.json();
        assertTrue(json.get("applied").asBoolean());
        assertTrue(json.at("/backup/verified").asBoolean());
        assertTrue(json.at("/verify/ok").asBoolean(), r.out());

        assertTrue(columns(db, "session_queue").contains("destination"));
        assertEquals(rows, count(db, "session_queue"));
        assertEquals("15", maxMigration(db), "the recorded version is left as it is");

        Path backup = Path.of(json.at("/backup/file").asText());
        assertTrue(Files.exists(backup));
        assertFalse(columns(backup, "session_queue").contains("destination"), "the backup holds the original");
        assertEquals(rows, count(backup, "session_queue"));

        CliRunner.Result again = CliRunner.run("diagnose", dir.toString());
        assertEquals(0, again.code(), again.out());
        CliRunner.Result verify = CliRunner.run("verify", dir.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
    }

    @Test
    void repairRepointsModelsOldForeignKeysAndDropsOnlyOrphans() throws Exception {
        Path db = SqliteFixtures.invokeAiModelsOldForeignKeys(dir, 25);
        assertTrue(tableSql(db, "model_relationships").contains("models_old"));
        long links = count(db, "model_relationships");
        CliRunner.Result dry = CliRunner.run("repair", dir.toString(), "--dry-run", "--json");
        long planned = dry.json().at("/plan/expectedRowChanges/model_relationships").asLong();
        assertTrue(planned < 0, dry.out());

        CliRunner.Result r = CliRunner.run("repair", dir.toString(), "--yes");
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(tableSql(db, "model_relationships").contains("models_old"));
        assertEquals(links + planned, count(db, "model_relationships"));
        try (Connection c = open(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            assertFalse(rs.next(), "foreign keys are clean after the repair");
        }
    }

    @Test
    void reportIsSavedRedacted() throws Exception {
        SqliteFixtures.invokeAiMissingDestination(dir);
        Path reports = Files.createDirectories(dir.resolve("support"));
        CliRunner.Result r = CliRunner.run("diagnose", dir.toString(), "--report", reports.toString());
        assertEquals(1, r.code());
        String md = Files.readString(reports.resolve("dbmedic-report.md"));
        assertTrue(md.contains("session_queue.destination"), md);
        assertTrue(Files.size(reports.resolve("dbmedic-report.json")) > 0);
    }

    @Test
    void explainMapsAPastedTracebackToTheFinding() {
        String log = """
                [2024-09-10 12:00:01,123]::[InvokeAI]::ERROR --> Traceback (most recent call last):
                  File "invokeai/app/services/session_queue/session_queue_sqlite.py", line 101, in enqueue_batch
                    cursor.executemany(
                sqlite3.OperationalError: no such column: destination
                """;
        CliRunner.Result r = CliRunner.run("explain", log, "--json");
        assertEquals(1, r.code(), r.err());
        JsonNode f = r.json().at("/findings/0");
        assertEquals("sqlite.missing-column", f.get("id").asText());
        assertEquals("session_queue.destination", f.get("subject").asText());
        CliRunner.Result unknown = CliRunner.run("explain", "everything is fine");
        assertEquals(0, unknown.code());
    }

    private static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    static List<String> columns(Path db, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Connection c = open(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_xinfo('" + table + "')")) {
            while (rs.next()) {
                cols.add(rs.getString(1));
            }
        }
        return cols;
    }

    static long count(Path db, String table) throws SQLException {
        try (Connection c = open(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
            return rs.getLong(1);
        }
    }

    private static String maxMigration(Path db) throws SQLException {
        try (Connection c = open(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(version) FROM migrations")) {
            return rs.getString(1);
        }
    }

    private static String tableSql(Path db, String table) throws SQLException {
        try (Connection c = open(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE name = '" + table + "'")) {
            return rs.getString(1);
        }
    }
}
