package dbmedic.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.sqlite.SqliteSchemaReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** InvokeAI: versions read from real databases, and the expected schema at each. */
class InvokeAiPackTest {
    private final AppPack pack = PackRegistry.load().byId("invokeai").orElseThrow();

    @TempDir
    Path dir;

    private ExpectedSchema at(String version) {
        return pack.expectedSchema(new AppliedState(version, null, true, List.of())).orElseThrow();
    }

    @Test
    void version15ExpectsOriginAndDestinationButNotMigration16() {
        ExpectedTable queue = at("15").table("session_queue").orElseThrow();
        ExpectedColumn destination = queue.column("destination").orElseThrow();
        assertEquals("destination TEXT", destination.definition());
        assertEquals("ALTER TABLE session_queue ADD COLUMN destination TEXT;", destination.statement());
        assertEquals("migration_15", destination.introducedBy());
        assertTrue(queue.column("origin").isPresent());
        assertTrue(queue.column("error_traceback").isPresent());
        assertFalse(queue.column("error").isPresent());
        assertFalse(queue.column("retried_from_item_id").isPresent());
    }

    @Test
    void version14HasNoDestination() {
        ExpectedTable queue = at("14").table("session_queue").orElseThrow();
        assertFalse(queue.column("destination").isPresent());
        assertFalse(queue.column("origin").isPresent());
        assertTrue(at("14").table("style_presets").isPresent());
    }

    @Test
    void fromMigration22OnModelRelationshipsMustNotReferenceModelsOld() {
        ExpectedSchema v32 = at("32");
        assertEquals(1, v32.foreignKeyRules().size());
        ForeignKeyRule rule = v32.foreignKeyRules().get(0);
        assertEquals("model_relationships", rule.table());
        assertEquals("models_old", rule.wrongParent());
        assertEquals("models", rule.rightParent());
        assertEquals("migration_22", rule.introducedBy());
        assertTrue(at("21").foreignKeyRules().isEmpty());
        List<String> absent = v32.absent().stream().map(AbsentTable::name).toList();
        assertTrue(absent.containsAll(List.of("models_old", "model_relationships_old", "model_config", "workflows",
                "workflow_images", "model_manager_metadata", "model_metadata", "model_tags", "tags", "graph_executions")), absent::toString);
        // The rebuilt models table: UNIQUE(path), file_size generated, history kept.
        ExpectedTable models = v32.table("models").orElseThrow();
        assertTrue(models.createStatements().get(0).contains("UNIQUE(path)"));
        assertTrue(models.column("file_size").orElseThrow().generated());
        assertEquals("migration_19", models.column("file_size").orElseThrow().introducedBy());
    }

    @Test
    void clientStateIsReshapedByMigration27() {
        assertEquals(List.of("id", "data", "updated_at"), columns(at("26"), "client_state"));
        assertEquals(List.of("user_id", "key", "value", "updated_at"), columns(at("27"), "client_state"));
        assertTrue(at("27").table("users").isPresent());
        assertFalse(at("27").table("users").orElseThrow().column("token_epoch").isPresent());
    }

    @Test
    void readsTheNumberedVersionAndItsRelease() throws SQLException {
        try (Connection c = invokeDb("v15.db", 15)) {
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertEquals(new AppliedState("15", "v5.0.0", true, List.of()), state);
        }
    }

    @Test
    void aMissingMigrationsTableMeansVersionZero() throws SQLException {
        try (Connection c = TestDatabases.file(dir, "fresh.db", "CREATE TABLE images (image_name TEXT)")) {
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertEquals("0", state.version());
            assertTrue(state.known());
            assertTrue(pack.expectedSchema(state).orElseThrow().tables().isEmpty());
        }
    }

    @Test
    void aNumberAboveTheNewestKnownIsANewerApp() throws SQLException {
        try (Connection c = invokeDb("v40.db", 40)) {
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertFalse(state.known());
            assertEquals("40", state.version());
            assertEquals(List.of("migration_40"), state.unknownIds());
            assertTrue(pack.expectedSchema(state).isEmpty());
        }
    }

    @Test
    void appliedMigrationsWithAnUnknownIdIsANewerApp() throws SQLException {
        try (Connection c = invokeDb("newer.db", 33)) {
            appliedMigrations(c, 33, "2026_07_01_add_session_queue_device", "2026_12_24_from_the_future");
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertFalse(state.known());
            assertEquals(List.of("2026_12_24_from_the_future"), state.unknownIds());
            assertTrue(state.version().contains("2026_12_24_from_the_future"), state.version());
            assertTrue(pack.expectedSchema(state).isEmpty());
        }
    }

    @Test
    void datedMigrationsAppliedInOrderAreNamedByTheLastOne() throws SQLException {
        try (Connection c = invokeDb("v614.db", 33)) {
            appliedMigrations(c, 33, "2026_07_01_add_session_queue_device", "2026_07_01_add_videos_tables");
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertEquals(new AppliedState("33 + 2026_07_01_add_videos_tables", "v6.14.0-rc1", true, List.of()), state);
            ExpectedSchema schema = pack.expectedSchema(state).orElseThrow();
            assertTrue(schema.table("videos").isPresent());
            assertTrue(schema.table("applied_migrations").isPresent());
            assertTrue(schema.table("session_queue").orElseThrow().column("device").isPresent());
            assertFalse(schema.table("session_queue").orElseThrow().column("workflow_call_id").isPresent());
        }
    }

    @Test
    void datedMigrationsOutOfOrderAreListed() throws SQLException {
        try (Connection c = invokeDb("gap.db", 33)) {
            appliedMigrations(c, 33, "2026_07_01_add_videos_tables");
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertEquals("33 + {2026_07_01_add_videos_tables}", state.version());
            ExpectedSchema schema = pack.expectedSchema(state).orElseThrow();
            assertTrue(schema.table("videos").isPresent());
            assertFalse(schema.table("session_queue").orElseThrow().column("device").isPresent());
        }
    }

    @Test
    void hostileVersionContentIsReportedNotExecuted() throws SQLException {
        try (Connection c = TestDatabases.file(dir, "hostile.db",
                "CREATE TABLE migrations (version, migrated_at DATETIME)",
                "INSERT INTO migrations (version) VALUES ('1); DROP TABLE images; --')",
                "CREATE TABLE images (image_name TEXT)", "CREATE TABLE session_queue (item_id INTEGER)")) {
            AppliedState state = pack.readState(c, SqliteSchemaReader.read(c));
            assertFalse(state.known());
            assertTrue(state.version().startsWith("1); DROP TABLE"), state.version());
            assertTrue(SqliteSchemaReader.read(c).hasTable("images"));
            assertTrue(pack.expectedSchema(state).isEmpty());
        }
    }

    @Test
    void versionTextThatIsNotAVersionGivesNoSchema() {
        assertTrue(pack.expectedSchema(new AppliedState("33 + no_such_migration", null, true, List.of())).isEmpty());
        assertTrue(pack.expectedSchema(new AppliedState("abc", null, true, List.of())).isEmpty());
        assertTrue(pack.expectedSchema(new AppliedState("15", null, false, List.of("x"))).isEmpty());
    }

    private Connection invokeDb(String name, int version) throws SQLException {
        Connection c = TestDatabases.file(dir, name,
                "CREATE TABLE migrations (version INTEGER PRIMARY KEY, migrated_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')))",
                "CREATE TABLE images (image_name TEXT)", "CREATE TABLE session_queue (item_id INTEGER)");
        String rows = IntStream.rangeClosed(0, version).mapToObj(i -> "(" + i + ")").collect(Collectors.joining(","));
        TestDatabases.run(c, "INSERT INTO migrations (version) VALUES " + rows);
        return c;
    }

    private static void appliedMigrations(Connection c, int legacy, String... dated) throws SQLException {
        TestDatabases.run(c, "CREATE TABLE applied_migrations (migration_id TEXT PRIMARY KEY, legacy_version INTEGER UNIQUE, "
                + "migrated_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')))");
        for (int i = 1; i <= legacy; i++) {
            TestDatabases.run(c, "INSERT INTO applied_migrations (migration_id, legacy_version) VALUES ('migration_" + i + "', " + i + ")");
        }
        for (String id : dated) {
            TestDatabases.run(c, "INSERT INTO applied_migrations (migration_id) VALUES ('" + id + "')");
        }
    }

    private static List<String> columns(ExpectedSchema schema, String table) {
        return schema.table(table).orElseThrow().columns().stream().map(ExpectedColumn::name).toList();
    }
}
