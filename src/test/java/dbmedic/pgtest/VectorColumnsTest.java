package dbmedic.pgtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.pgtest.ImmichDatabase.VectorExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fixture extensions behave like the real ones at catalog level, on Immich-shaped databases:
 * configured versions, vector(N) typmods, the pgvecto.rs schema, real[] round trips, the Immich
 * index DDL, installation per database, and superuser-only creation.
 */
class VectorColumnsTest {

    private static PgServer pg;

    @BeforeAll
    static void startServer() {
        pg = PgServer.builder(17)
                .serverConfig("shared_preload_libraries", "vchord.so,vectors.so")
                .extension("vchord", "0.3.0", "0.4.3", "0.5.0", "1.1.1", "0.0.0")
                .extension("vector", "0.6.0", "0.8.0")
                .extension("vectors", "0.2.0", "0.3.0", "0.0.0")
                .role(PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD, false)
                .start();
    }

    @AfterAll
    static void stopServer() {
        pg.close();
    }

    @Test
    void configuredVersionsAreAvailableWithTheirDefaults() {
        assertEquals(List.of("vchord 0.3.0", "vector 0.6.0", "vectors 0.2.0"), pg.queryColumn("postgres",
                "SELECT name || ' ' || default_version FROM pg_available_extensions"
                        + " WHERE name IN ('vector', 'vectors', 'vchord') ORDER BY name"));
        assertEquals(List.of("0.0.0", "0.3.0", "0.4.3", "0.5.0", "1.1.1"), pg.queryColumn("postgres",
                "SELECT version FROM pg_available_extension_versions WHERE name = 'vchord' ORDER BY version"));
    }

    @Test
    void pgvectorsColumnIsVectorsVectorWithItsDimensionInTheTypmod() throws SQLException {
        ImmichDatabase db = ImmichDatabase.on(pg).name("immich_pgvectors").immichVersion("1.132.3")
                .extension(VectorExtension.PGVECTORS).rows(12).create();
        assertEquals("assets", db.assetTable());
        try (Connection connection = pg.superuserConnection(db.name()); Statement statement = connection.createStatement()) {
            // Outside the vectors schema the type prints qualified, as in immich#29983.
            statement.execute("SET search_path = public");
            try (ResultSet row = statement.executeQuery("SELECT format_type(atttypid, atttypmod), atttypmod FROM pg_attribute"
                    + " WHERE attrelid = 'smart_search'::regclass AND attname = 'embedding'")) {
                row.next();
                assertEquals("vectors.vector(512)", row.getString(1));
                assertEquals(512, row.getInt(2));
            }
        }
        assertEquals("\"$user\", public, vectors", pg.queryValue(db.name(), "SHOW search_path"));
        assertEquals("vectors", pg.queryValue(db.name(),
                "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'vectors'"));
        String clipIndex = pg.queryValue(db.name(), "SELECT indexdef FROM pg_indexes WHERE indexname = 'clip_index'");
        assertTrue(clipIndex.contains("USING vectors (embedding vector_cos_ops)"), clipIndex);
        assertTrue(clipIndex.contains("[indexing.hnsw]"), clipIndex);
        assertEquals("1.132.3", pg.queryValue(db.name(), "SELECT version FROM version_history ORDER BY \"createdAt\" DESC LIMIT 1"));
        assertEquals("1744910873969-InitialMigration", pg.queryValue(db.name(),
                "SELECT name FROM kysely_migrations ORDER BY name DESC LIMIT 1"));
    }

    @Test
    void manualMigrationThroughRealArraysKeepsEveryRow() {
        ImmichDatabase db = ImmichDatabase.on(pg).name("immich_migrate").immichVersion("1.132.3")
                .extension(VectorExtension.PGVECTORS).clipDimension(768).rows(25).create();
        String smartBefore = db.checksum("smart_search");
        String facesBefore = db.checksum("face_search");
        assertTrue(smartBefore.startsWith("25:"), smartBefore);

        // The official manual path (immich.md §6), step 2 then step 4.
        pg.execute(db.name(),
                "DROP INDEX IF EXISTS clip_index",
                "DROP INDEX IF EXISTS face_index",
                "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[]",
                "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE real[]");
        assertEquals("real[]", pg.queryValue(db.name(), "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'smart_search'::regclass AND attname = 'embedding'"));
        assertEquals(smartBefore, db.checksum("smart_search"));

        pg.execute(db.name(),
                "CREATE EXTENSION IF NOT EXISTS vchord CASCADE",
                "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE vector(768)",
                "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE vector(512)",
                "CREATE INDEX clip_index ON smart_search USING vchordrq (embedding vector_cosine_ops)");
        assertEquals(smartBefore, db.checksum("smart_search"));
        assertEquals(facesBefore, db.checksum("face_search"));
        assertEquals("vector(768) 768", pg.queryValue(db.name(), "SELECT format_type(atttypid, atttypmod) || ' ' || atttypmod"
                + " FROM pg_attribute WHERE attrelid = 'smart_search'::regclass AND attname = 'embedding'"));
        String clipIndex = pg.queryValue(db.name(), "SELECT indexdef FROM pg_indexes WHERE indexname = 'clip_index'");
        assertTrue(clipIndex.contains("USING vchordrq (embedding vector_cosine_ops)"), clipIndex);
    }

    @Test
    void vectorChordDatabaseHasImmichsIndexOptionsAndSettings() {
        ImmichDatabase db = ImmichDatabase.on(pg).name("immich_vchord").immichVersion("2.7.5")
                .extension(VectorExtension.VECTORCHORD).lists(256).rows(5).create();
        assertEquals("asset", db.assetTable());
        assertEquals("asset_face", db.faceTable());
        String faceIndex = pg.queryValue(db.name(), "SELECT indexdef FROM pg_indexes WHERE indexname = 'face_index'");
        assertTrue(faceIndex.contains("USING vchordrq (embedding vector_cosine_ops)"), faceIndex);
        assertTrue(faceIndex.contains("lists = [256]"), faceIndex);
        assertEquals("1", pg.queryValue(db.name(), "SHOW vchordrq.probes"));
        assertEquals("{vchordrq.probes=1}", pg.queryValue("postgres", "SELECT s.setconfig::text FROM pg_db_role_setting s"
                + " JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = 'immich_vchord'"));
        assertEquals("vector(512)", pg.queryValue(db.name(), "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = 'face_search'::regclass AND attname = 'embedding'"));
        assertEquals("0.3.0", pg.queryValue(db.name(), "SELECT extversion FROM pg_extension WHERE extname = 'vchord'"));
    }

    @Test
    void pgvectorDatabaseUsesHnsw() {
        ImmichDatabase db = ImmichDatabase.on(pg).name("immich_pgvector").immichVersion("3.1.0")
                .extension(VectorExtension.PGVECTOR).rows(3).create();
        String clipIndex = pg.queryValue(db.name(), "SELECT indexdef FROM pg_indexes WHERE indexname = 'clip_index'");
        assertTrue(clipIndex.contains("USING hnsw (embedding vector_cosine_ops) WITH (m='16', ef_construction='300')"), clipIndex);
        assertEquals("0.6.0", pg.queryValue(db.name(), "SELECT extversion FROM pg_extension WHERE extname = 'vector'"));
        assertEquals("1784836013770-MinFacePreferenceMigration", pg.queryValue(db.name(),
                "SELECT name FROM kysely_migrations ORDER BY name DESC LIMIT 1"));
    }

    @Test
    void pgvectorChecksTheDimensionLikeTheRealOne() {
        pg.createDatabase("dimensions", PgServer.SUPERUSER);
        pg.execute("dimensions", "CREATE EXTENSION vector", "CREATE TABLE t (e vector(4))", "INSERT INTO t VALUES ('{1,2,3,4}')");
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> pg.execute("dimensions", "INSERT INTO t VALUES ('{1,2,3}')"));
        assertTrue(tooShort.getMessage().contains("expected 4 dimensions, not 3"), tooShort.getMessage());
        IllegalStateException otherModel = assertThrows(IllegalStateException.class,
                () -> pg.execute("dimensions", "ALTER TABLE t ALTER COLUMN e SET DATA TYPE vector(8)"));
        assertTrue(otherModel.getMessage().contains("expected 8 dimensions, not 4"), otherModel.getMessage());
        assertEquals("{1,2,3,4}", pg.queryValue("dimensions", "SELECT e::text FROM t"));
    }

    @Test
    void extensionsInstallPerDatabase() {
        pg.createDatabase("wrong_place", PgServer.SUPERUSER);
        pg.execute("wrong_place", "CREATE EXTENSION vchord CASCADE", "ALTER EXTENSION vchord UPDATE TO '0.4.3'");
        assertEquals("0.4.3", pg.queryValue("wrong_place",
                "SELECT installed_version FROM pg_available_extensions WHERE name = 'vchord'"));
        pg.createDatabase("immich_empty", PgServer.SUPERUSER);
        assertEquals(null, pg.queryValue("immich_empty",
                "SELECT installed_version FROM pg_available_extensions WHERE name = 'vchord'"));
    }

    @Test
    void normalRoleCannotCreateTheExtensions() throws SQLException {
        ImmichDatabase db = ImmichDatabase.on(pg).name("immich_owned").owner(PgServer.NORMAL_ROLE)
                .extension(VectorExtension.PGVECTOR).rows(2).create();
        try (Connection connection = pg.connection(db.name(), PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD);
             Statement statement = connection.createStatement()) {
            SQLException failure = assertThrows(SQLException.class, () -> statement.execute("CREATE EXTENSION vchord CASCADE"));
            assertTrue(failure.getMessage().contains("permission denied to create extension \"vchord\""), failure.getMessage());
            assertEquals("42501", failure.getSQLState());
        }
        assertFalse(pg.queryColumn(db.name(), "SELECT extname FROM pg_extension").contains("vchord"));
        assertEquals(PgServer.NORMAL_ROLE, pg.queryValue(db.name(), "SELECT tableowner FROM pg_tables WHERE tablename = 'smart_search'"));
    }

    @Test
    void gpuStackDatabaseWithAndWithoutTheCompletedColumn() {
        GpuStackPgDatabase broken = GpuStackPgDatabase.create(pg, "gpustack_broken", PgServer.SUPERUSER, false);
        GpuStackPgDatabase healthy = GpuStackPgDatabase.create(pg, "gpustack_ok", PgServer.SUPERUSER, true);
        String completed = "SELECT count(*) FROM information_schema.columns"
                + " WHERE table_name = 'model_usage_details' AND column_name = 'completed'";
        assertEquals("0", pg.queryValue(broken.name(), completed));
        assertEquals("1", pg.queryValue(healthy.name(), completed));
        assertEquals(GpuStackPgDatabase.REVISION, pg.queryValue(broken.name(), "SELECT version_num FROM alembic_version"));
    }
}
