package dbmedic.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.sqlite.SqliteSchemaReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPUStack: Alembic revisions read from real databases, and the expected schema at each. */
class GpuStackPackTest {
    private final AppPack pack = PackRegistry.load().byId("gpustack").orElseThrow();

    @TempDir
    Path dir;

    private ExpectedSchema at(String revision) {
        return pack.expectedSchema(new AppliedState(revision, null, true, List.of())).orElseThrow();
    }

    @Test
    void c45e397531d1ExpectsItsColumnsAndTables() {
        ExpectedSchema schema = at("c45e397531d1");
        ExpectedTable instances = schema.table("model_instances").orElseThrow();
        for (String column : List.of("resolved_path", "restart_count", "last_restart_time")) {
            ExpectedColumn c = instances.column(column).orElseThrow();
            assertEquals("c45e397531d1", c.introducedBy());
            assertTrue(c.statement().startsWith("ALTER TABLE model_instances ADD COLUMN " + column + " "), c.statement());
        }
        assertEquals("resolved_path VARCHAR", instances.column("resolved_path").orElseThrow().definition());
        assertEquals("last_restart_time DATETIME", instances.column("last_restart_time").orElseThrow().definition());
        ExpectedTable models = schema.table("models").orElseThrow();
        assertEquals("env JSON", models.column("env").orElseThrow().definition());
        assertEquals("restart_on_error BOOLEAN", models.column("restart_on_error").orElseThrow().definition());
        ExpectedTable files = schema.table("model_files").orElseThrow();
        assertEquals(20, files.columns().size());
        assertTrue(files.createStatements().get(0).startsWith("CREATE TABLE model_files ("));
        ExpectedTable link = schema.table("modelinstancemodelfilelink").orElseThrow();
        assertTrue(link.createStatements().get(0).contains("ON DELETE CASCADE"));
        assertTrue(schema.table("users").orElseThrow().createStatements().get(0).contains("AUTOINCREMENT"));
    }

    @Test
    void e6bf9e067296IsBeforeThem() {
        ExpectedSchema schema = at("e6bf9e067296");
        assertFalse(schema.table("model_instances").orElseThrow().column("resolved_path").isPresent());
        assertFalse(schema.table("model_instances").orElseThrow().column("restart_count").isPresent());
        assertFalse(schema.table("models").orElseThrow().column("env").isPresent());
        assertTrue(schema.table("models").orElseThrow().column("categories").isPresent());
        assertFalse(schema.table("model_files").isPresent());
        assertFalse(schema.table("modelinstancemodelfilelink").isPresent());
    }

    @Test
    void readsTheRevisionAndItsRelease() throws SQLException {
        try (Connection c = gpustackDb("head.db", "d19176de3b74")) {
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertEquals(new AppliedState("d19176de3b74", "v0.7.1", true, List.of()), state);
            ExpectedSchema schema = pack.expectedSchema(state).orElseThrow();
            assertTrue(schema.table("users").orElseThrow().column("source").isPresent());
            assertTrue(schema.table("workers").orElseThrow().column("worker_uuid").isPresent());
            assertTrue(schema.table("system_loads").orElseThrow().column("vram").isPresent());
        }
    }

    @Test
    void anUnknownRevisionIsANewerOrForeignSchema() throws SQLException {
        try (Connection c = gpustackDb("unknown.db", "ffffffffffff")) {
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertFalse(state.known());
            assertEquals(List.of("ffffffffffff"), state.unknownIds());
            assertTrue(pack.expectedSchema(state).isEmpty());
        }
    }

    @Test
    void aV2RevisionIsKnownButHasNoSqliteSchema() throws SQLException {
        try (Connection c = gpustackDb("v2.db", "924c9a0b4c13")) {
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertTrue(state.known());
            assertEquals("v2.0.0", state.release());
            assertTrue(pack.expectedSchema(state).isEmpty());
        }
    }

    @Test
    void anEmptyVersionTableRecordsNothing() throws SQLException {
        try (Connection c = TestDatabases.file(dir, "empty.db",
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")) {
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertFalse(state.known());
            assertEquals(null, state.version());
            assertTrue(pack.expectedSchema(state).isEmpty());
        }
    }

    private Connection gpustackDb(String name, String revision) throws SQLException {
        return TestDatabases.file(dir, name,
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('" + revision + "')",
                "CREATE TABLE model_instances (id INTEGER)", "CREATE TABLE workers (id INTEGER)");
    }
}
