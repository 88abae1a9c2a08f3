package dbmedic.core.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.app.AppDetector.Detection;
import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.knowledge.TestDatabases;
import dbmedic.core.sqlite.SqliteSchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Detection on small real databases shaped like each app, and on an unrelated one. */
class AppDetectorTest {
    private final AppDetector detector = new AppDetector(PackRegistry.load());

    private static Connection invokeAiLike() throws SQLException {
        return TestDatabases.memory(
                "CREATE TABLE migrations (version INTEGER PRIMARY KEY, migrated_at DATETIME)",
                "INSERT INTO migrations (version) VALUES (0), (1), (2), (3)",
                "CREATE TABLE session_queue (item_id INTEGER PRIMARY KEY)",
                "CREATE TABLE images (image_name TEXT PRIMARY KEY)",
                "CREATE TABLE boards (board_id TEXT PRIMARY KEY)");
    }

    private static Connection gpuStackLike() throws SQLException {
        return TestDatabases.memory(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
                "INSERT INTO alembic_version VALUES ('c45e397531d1')",
                "CREATE TABLE model_instances (id INTEGER PRIMARY KEY)",
                "CREATE TABLE workers (id INTEGER PRIMARY KEY)",
                "CREATE TABLE models (id INTEGER PRIMARY KEY)");
    }

    @Test
    void recognisesAnInvokeAiDatabase() throws SQLException {
        try (Connection c = invokeAiLike()) {
            Detection d = detector.detect(SqliteSchemaReader.read(c), c, null, null);
            assertEquals(new AppIdentity("invokeai", "InvokeAI", "3", "v3.5.0", true), d.identity());
            assertEquals("invokeai", d.pack().orElseThrow().id());
            assertTrue(d.state().known());
            assertTrue(d.recognised());
        }
    }

    @Test
    void recognisesAGpuStackDatabase() throws SQLException {
        try (Connection c = gpuStackLike()) {
            Detection d = detector.detect(SqliteSchemaReader.read(c), c, "invokeai", null);
            assertEquals(new AppIdentity("gpustack", "GPUStack", "c45e397531d1", "v0.6.0", true), d.identity());
        }
    }

    @Test
    void rejectsAnUnrelatedDatabase() throws SQLException {
        // An Alembic database of some other app: version table present, fingerprint tables absent.
        try (Connection c = TestDatabases.memory(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
                "INSERT INTO alembic_version VALUES ('abc123')",
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
                "CREATE TABLE images (image_name TEXT)")) {
            Detection d = detector.detect(SqliteSchemaReader.read(c), c, null, null);
            assertEquals(AppIdentity.UNKNOWN, d.identity());
            assertFalse(d.identity().recognised());
            assertTrue(d.pack().isEmpty());
            assertNull(d.state());
        }
    }

    @Test
    void anOverrideForcesThePackEvenWithoutItsFingerprint() throws SQLException {
        try (Connection c = TestDatabases.memory("CREATE TABLE notes (id INTEGER PRIMARY KEY)")) {
            Detection d = detector.detect(SqliteSchemaReader.read(c), c, null, "GPUStack");
            assertEquals("gpustack", d.identity().id());
            assertFalse(d.recognised());
            assertFalse(d.identity().versionKnown());
            assertNull(d.identity().schemaVersion());
        }
        try (Connection c = gpuStackLike()) {
            Detection d = detector.detect(SqliteSchemaReader.read(c), c, null, "invokeai");
            assertEquals("invokeai", d.identity().id());
            assertEquals("0", d.identity().schemaVersion());
        }
    }

    @Test
    void anUnknownOverrideIsRefusedWithTheKnownApps() throws SQLException {
        try (Connection c = invokeAiLike()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> detector.detect(SqliteSchemaReader.read(c), c, null, "immich"));
            assertEquals("Unknown app 'immich'. Known apps: invokeai, gpustack.", e.getMessage());
        }
    }

    @Test
    void aNewerDatabaseIsRecognisedWithItsVersionUnknown() throws SQLException {
        try (Connection c = invokeAiLike()) {
            TestDatabases.run(c, "INSERT INTO migrations (version) VALUES (99)");
            Detection d = detector.detect(SqliteSchemaReader.read(c), c, null, null);
            assertEquals("invokeai", d.identity().id());
            assertEquals("99", d.identity().schemaVersion());
            assertFalse(d.identity().versionKnown());
            assertEquals(java.util.List.of("migration_99"), d.state().unknownIds());
        }
    }
}
