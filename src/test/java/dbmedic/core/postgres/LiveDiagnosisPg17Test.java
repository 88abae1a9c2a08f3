package dbmedic.core.postgres;

import static dbmedic.core.postgres.LiveFindings.all;
import static dbmedic.core.postgres.LiveFindings.ids;
import static dbmedic.core.postgres.LiveFindings.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.target.UnusableInputException;
import dbmedic.pgtest.PgServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL 17 with passwords (scram), started like an old Immich compose file
 * ({@code -c shared_preload_libraries=vectors.so} on the command line), the fixture extensions
 * (see docs/testing-postgres.md: SQL stand-ins, not the real libraries), an Immich database
 * still on pgvecto.rs columns, VectorChord created in the wrong database, and a GPUStack 2.x
 * database with the known missing column.
 */
class LiveDiagnosisPg17Test {
    private static PgServer pg;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(17).scramAuthentication().serverConfig("shared_preload_libraries", "vectors.so").start();
        // (pgtest's ImmichDatabase fails to fill pgvecto.rs-typed rows on this commit, so the shape is built here.)
        ImmichShape.create(pg, "immich", PgServer.NORMAL_ROLE, "v1.135.0", "vectors.vector(512)", "CREATE EXTENSION vectors",
                "GRANT USAGE ON SCHEMA vectors TO PUBLIC", "ALTER DATABASE immich SET search_path TO \"$user\", public, vectors");
        pg.execute("immich", "SET ROLE immich",
                "CREATE INDEX clip_index ON smart_search USING vectors (embedding vectors.vector_cos_ops)",
                "CREATE INDEX face_index ON face_search USING vectors (embedding vectors.vector_cos_ops)");
        ImmichShape.create(pg, "immichnopath", PgServer.NORMAL_ROLE, "v1.135.0", "vectors.vector(512)", "CREATE EXTENSION vectors",
                "GRANT USAGE ON SCHEMA vectors TO PUBLIC");
        // immich#18708: CREATE EXTENSION run at a postgres=# prompt. (vchord cannot be created on
        // this server: it is not preloaded, so the pgvector case shows the same mechanism.)
        pg.execute("postgres", "CREATE EXTENSION vector");
        ImmichShape.create(pg, "immich134", PgServer.NORMAL_ROLE, "v1.134.0", "real[]");
        pg.createDatabase("gpustack", PgServer.NORMAL_ROLE);
        pg.execute("gpustack", "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY)",
                "INSERT INTO alembic_version VALUES ('b2c3d4e5f6a7')",
                "CREATE TABLE model_usage_details (id serial PRIMARY KEY, model_id integer)");
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private String url(String user, String password, String database) {
        return "postgresql://" + user + (password == null ? "" : ":" + password) + "@127.0.0.1:" + pg.port() + "/" + database;
    }

    private PostgresOptions options() {
        return PostgresOptions.defaults().withEnvironment(Map.of(), home);
    }

    private Diagnosis diagnose(String url, PostgresOptions options) throws Exception {
        return new PostgresDiagnoser().diagnose(PostgresTarget.parse(url), options, null);
    }

    @Test
    void composeCommandOverrideAndPgvectorsColumnsAsSuperuser() throws Exception {
        Diagnosis d = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "immich"), options());
        assertEquals("immich", d.app().id());
        assertEquals("v1.135.0", d.app().release());
        assertEquals("1747664684909-AddAlbumAuditTables", d.app().schemaVersion());

        Finding preload = one(d, "postgres.preload-missing");
        assertTrue(preload.evidence().contains("shared_preload_libraries = 'vectors.so' (source: command line)"), preload.evidence());
        assertTrue(preload.cause().contains("`command:`"), preload.cause());
        assertTrue(preload.summary().contains("vchord.so"), preload.summary());

        Finding create = one(d, "immich.extension-will-be-created");
        assertEquals(Severity.INFO, create.severity());
        assertEquals("vchord", create.subject());

        Finding columns = one(d, "immich.vector-columns-pgvectors");
        assertEquals(Severity.INFO, columns.severity(), "vectors.so is preloaded and vectors installed: Immich converts");
        assertTrue(columns.evidence().contains("vectors.vector(512)"), columns.evidence());

        Finding drop = one(d, "immich.extension-drop");
        assertEquals("vectors", drop.subject());
        List<Finding> reindex = all(d, "immich.reindex-pending");
        assertTrue(reindex.stream().anyMatch(f -> f.subject().equals("clip_index") && f.summary().contains("uses vectors")), ids(d));
        assertTrue(reindex.stream().anyMatch(f -> f.subject().equals("face_index") && f.summary().contains("uses vectors")), ids(d));
    }

    @Test
    void hbaSimulationForTheDockerBridgeAndForLocalhost() throws Exception {
        Diagnosis bridge = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "immich"), options());
        Finding none = one(bridge, "postgres.no-hba-entry");
        assertEquals("172.17.0.1", none.subject());
        assertTrue(none.evidence().contains("no pg_hba.conf entry for host \"172.17.0.1\", user \"postgres\", database \"immich\""),
                none.evidence());
        assertTrue(none.fix().summary().contains("host all all all scram-sha-256"), none.fix().summary());

        Diagnosis local = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "immich"),
                options().withClientAddress("127.0.0.1"));
        Finding rule = one(local, "postgres.hba-rule");
        assertEquals(Severity.OK, rule.severity());
        assertTrue(rule.evidence().contains("127.0.0.1/32"), rule.evidence());
        assertTrue(rule.evidence().contains("file"), rule.evidence());
    }

    @Test
    void nonSuperuserGetsTheExactStatementAndImmichsMessage() throws Exception {
        Diagnosis d = diagnose(url(PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD, "immich"), options());
        Finding denied = one(d, "immich.extension-create-denied");
        assertEquals(List.of("\\c immich", "CREATE EXTENSION IF NOT EXISTS vchord CASCADE;"), denied.fix().sql());
        assertTrue(denied.cause().contains("Failed to activate VectorChord extension.\n"
                + "    Please ensure the Postgres instance has VectorChord installed."), denied.cause());
        assertTrue(denied.cause().contains("https://immich.app/docs/guides/database-queries"), "v1.135 still used the old docs domain");
        assertFalse(denied.cause().contains("installed in"), denied.cause());
        assertEquals(Severity.INFO, one(d, "postgres.hba-not-checked").severity());
        assertEquals(Severity.INFO, one(d, "postgres.preload").severity(), "the preload is hidden from this role");
        assertEquals(Severity.WARNING, one(d, "immich.extension-drop").severity(), "postgres owns vectors");
        assertTrue(one(d, "postgres.role").summary().contains("not a superuser"));
    }

    @Test
    void extensionCreatedInAnotherDatabaseOnly() throws Exception {
        PostgresOptions pinned = options().withVectorExtension("pgvector");
        Diagnosis normal = diagnose(url(PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD, "immich"), pinned);
        Finding denied = one(normal, "immich.extension-create-denied");
        assertEquals("vector", denied.subject());
        assertTrue(denied.cause().contains("It is installed in postgres (0.8.0)"), denied.cause());
        assertTrue(denied.fix().summary().contains("not the postgres database"), denied.fix().summary());

        Diagnosis superuser = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "immich"), pinned);
        Finding create = one(superuser, "immich.extension-will-be-created");
        assertEquals(Severity.WARNING, create.severity());
        assertTrue(create.cause().contains("postgres (0.8.0)"), create.cause());
        assertTrue(all(superuser, "immich.extension-drop").stream().anyMatch(f -> f.subject().equals("vectors")),
                "pinned pgvector: Immich drops pgvecto.rs (immich#18462 pattern)");
    }

    @Test
    void outOfRangeVersionPredictsImmichsText() throws Exception {
        Diagnosis d = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "immich134"), options());
        Finding out = one(d, "immich.extension-out-of-range");
        assertTrue(out.cause().contains("The VectorChord extension version is 0.4.3, but Immich only supports >=0.3 <0.4.\n"
                + "    Please change VectorChord to a compatible version in the Postgres instance."), out.cause());
        assertTrue(out.fix().summary().contains("v1.135.0"), out.fix().summary());
        assertTrue(all(d, "immich.reindex-pending").isEmpty(), "Immich stops before reindexing");
    }

    @Test
    void pinnedPgvectorsNeedsVectorsOnTheSearchPath() throws Exception {
        Diagnosis set = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "immich"),
                options().withVectorExtension("pgvecto.rs"));
        assertTrue(all(set, "immich.search-path-vectors").isEmpty(), "ALTER DATABASE ... SET search_path has vectors: " + ids(set));
        assertTrue(all(set, "immich.reindex-pending").isEmpty(), "indexes already USING vectors: " + ids(set));

        Diagnosis d = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "immichnopath"),
                options().withVectorExtension("pgvecto.rs"));
        assertEquals(Severity.OK, one(d, "immich.vector-extension").severity());
        assertEquals(Severity.OK, one(d, "postgres.preload").severity(), "vectors.so is preloaded");
        Finding path = one(d, "immich.search-path-vectors");
        assertEquals(List.of("ALTER DATABASE immichnopath SET search_path TO \"$user\", public, vectors;"), path.fix().sql());
        assertTrue(all(d, "immich.vector-columns-pgvectors").isEmpty(), "the columns fit the extension in use");
    }

    @Test
    void otherSessionsOnTheDatabaseAreReported() throws Exception {
        try (Connection app = pg.superuserConnection("immich")) {
            app.createStatement().execute("SELECT 1");
            Diagnosis d = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "immich"), options());
            Finding sessions = one(d, "postgres.other-sessions");
            assertEquals(Severity.WARNING, sessions.severity());
            assertTrue(sessions.evidence().contains("postgres"), sessions.evidence());
        }
    }

    @Test
    void gpustackMissingColumn() throws Exception {
        Diagnosis d = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "gpustack"), options());
        assertEquals("gpustack", d.app().id());
        Finding missing = one(d, "postgres.missing-column");
        assertEquals("model_usage_details.completed", missing.subject());
        assertEquals(List.of(GpuStackChecks.ADD_COMPLETED), missing.fix().sql());
    }

    @Test
    void notAnImmichDatabase() throws Exception {
        Diagnosis d = diagnose(url(PgServer.SUPERUSER, PgServer.SUPERUSER_PASSWORD, "postgres"), options());
        assertFalse(d.app().recognised());
        assertEquals(Severity.WARNING, one(d, "app.not-recognised").severity());
        assertTrue(all(d, "immich.extension-will-be-created").isEmpty());
    }

    @Test
    void wrongPasswordIsAFindingThatNeverShowsThePassword() throws Exception {
        Diagnosis d = diagnose(url(PgServer.NORMAL_ROLE, "not-the-password-xyz", "immich"), options());
        Finding f = one(d, "postgres.password-failed");
        assertTrue(f.evidence().contains("password authentication failed for user \"immich\""), f.evidence());
        assertTrue(f.evidence().contains("the URL"), f.evidence());
        assertFalse(LiveFindings.text(d).contains("not-the-password-xyz"));
    }

    @Test
    void missingPasswordAsksThePromptOnlyWhenTheServerWantsOne() throws Exception {
        int[] asked = {0};
        PasswordPrompt prompt = question -> {
            asked[0]++;
            assertFalse(question.contains(PgServer.NORMAL_PASSWORD));
            return Optional.of(PgServer.NORMAL_PASSWORD.toCharArray());
        };
        Diagnosis d = diagnose(url(PgServer.NORMAL_ROLE, null, "immich"), options().withPasswordPrompt(prompt));
        assertEquals(1, asked[0]);
        assertEquals("immich", d.app().id());

        Diagnosis none = diagnose(url(PgServer.NORMAL_ROLE, null, "immich"), options());
        assertTrue(one(none, "postgres.password-failed").summary().contains("none was given"));
    }

    @Test
    void pgpassFileAndPgpasswordAreUsed() throws Exception {
        Path pgpass = home.resolve("pgpass");
        Files.writeString(pgpass, "# test\n127.0.0.1:" + pg.port() + ":immich:" + PgServer.NORMAL_ROLE + ":" + PgServer.NORMAL_PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Diagnosis viaFile = diagnose(url(PgServer.NORMAL_ROLE, null, "immich"),
                options().withEnvironment(Map.of("PGPASSFILE", pgpass.toString()), home));
        assertEquals("immich", viaFile.app().id());

        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        Diagnosis ignored = diagnose(url(PgServer.NORMAL_ROLE, null, "immich"),
                options().withEnvironment(Map.of("PGPASSFILE", pgpass.toString()), home));
        assertTrue(one(ignored, "postgres.pgpass-ignored").evidence().contains("group or world access"));
        one(ignored, "postgres.password-failed");

        Diagnosis viaEnv = diagnose(url(PgServer.NORMAL_ROLE, null, "immich"),
                options().withEnvironment(Map.of("PGPASSWORD", PgServer.NORMAL_PASSWORD), home));
        assertEquals("immich", viaEnv.app().id());
    }

    @Test
    void sslRequiredAgainstAServerWithoutSsl() throws Exception {
        Diagnosis d = diagnose(url(PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD, "immich") + "?sslmode=require&uselibpqcompat=true",
                options());
        Finding ssl = one(d, "postgres.ssl-mismatch");
        assertEquals("The server does not support SSL.", ssl.evidence());
        assertFalse(LiveFindings.text(d).contains(PgServer.NORMAL_PASSWORD));
    }

    @Test
    void missingDatabaseIsAFinding() throws Exception {
        Diagnosis d = diagnose(url(PgServer.NORMAL_ROLE, PgServer.NORMAL_PASSWORD, "immich_typo"), options());
        assertEquals("database \"immich_typo\" does not exist", one(d, "postgres.database-missing").evidence());
    }

    @Test
    void closedPortIsRefusedWithOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "postgresql://immich:secret-xyz@127.0.0.1:" + port + "/immich";
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> diagnose(url, options()));
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-xyz"));
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void diagnosisSessionCannotWrite() throws Exception {
        PostgresTarget t = PostgresTarget.parse(url(PgServer.SUPERUSER, null, "immich"));
        PgConnector.Opened opened = PgConnector.open(t, options(), PgServer.SUPERUSER_PASSWORD.toCharArray());
        try (Connection c = opened.connection(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.execute("CREATE TABLE dbmedic_probe (x int)"));
            assertEquals("25006", e.getSQLState());
        }
        assertEquals("0", pg.queryValue("immich", "SELECT count(*) FROM pg_class WHERE relname = 'dbmedic_probe'"));
    }
}
