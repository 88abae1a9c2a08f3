package dbmedic.core.postgres;

import static dbmedic.core.postgres.LiveFindings.all;
import static dbmedic.core.postgres.LiveFindings.ids;
import static dbmedic.core.postgres.LiveFindings.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.pgtest.PgServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL 14 (pg_hba_file_rules without rule_number/file_name), trust authentication,
 * VectorChord installed while preloaded, then an old ALTER SYSTEM line in postgresql.auto.conf
 * ({@code shared_preload_libraries = '"vectors.so"'}, immich#18432) takes over after a restart.
 * Also: a downgraded extension, a nightly one, a read-only database and a hot standby.
 */
class LiveDiagnosisPg14Test {
    private static PgServer pg;
    private static PgServer standby;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(14).autoConf("shared_preload_libraries = 'vchord.so'")
                .extension("vchord", "0.4.1", "0.4.3").extension("vector", "0.8.0", "0.0.0", "0.6.0").start();
        pg.createRole("immich", null, false);
        ImmichShape.create(pg, "immich", "immich", "v1.135.0", "vector(512)", "CREATE EXTENSION vchord CASCADE");
        pg.execute("immich", "SET ROLE immich",
                "CREATE INDEX clip_index ON smart_search USING vchordrq (embedding vector_cosine_ops)",
                "CREATE INDEX face_index ON face_search USING vchordrq (embedding vector_cosine_ops)");
        ImmichShape.create(pg, "immichdown", "immich", "v1.135.0", "vector(512)",
                "CREATE EXTENSION vchord VERSION '0.4.3' CASCADE");
        ImmichShape.create(pg, "immichnightly", "immich", "v2.0.1", "real[]", "CREATE EXTENSION vector VERSION '0.0.0'");
        ImmichShape.create(pg, "immicholdvector", "immich", "v1.135.0", "real[]",
                "CREATE EXTENSION vector VERSION '0.6.0'", "CREATE EXTENSION vchord");
        ImmichShape.create(pg, "immichro", "immich", "v1.135.0", "real[]");
        pg.execute("postgres", "ALTER DATABASE immichro SET default_transaction_read_only = on");
        // The old ALTER SYSTEM line comes later in postgresql.auto.conf and wins at the next start.
        pg.appendAutoConf("shared_preload_libraries = '\"vectors.so\"'");
        pg.restart();
        standby = pg.standby();
        // Every database but immichhba may be reached over TCP: its connections get "no pg_hba.conf entry".
        pg.createDatabase("immichhba", "immich");
        String dbs = "postgres,immich,immichdown,immichnightly,immichro,immicholdvector";
        pg.writeHba("local all all trust\n"
                + "host " + dbs + " all 127.0.0.1/32 trust\n"
                + "host " + dbs + " all ::1/128 trust\n"
                + "host replication all 127.0.0.1/32 trust\n"
                + "host replication all ::1/128 trust\n");
        pg.reloadConfiguration();
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private Diagnosis diagnose(PgServer server, String database, PostgresOptions options) throws Exception {
        return new PostgresDiagnoser().diagnose(PostgresTarget.parse("postgresql://postgres@127.0.0.1:" + server.port() + "/" + database),
                options, null);
    }

    private PostgresOptions options() {
        return PostgresOptions.defaults().withEnvironment(Map.of(), home).withClientAddress("127.0.0.1");
    }

    @Test
    void autoConfOverrideAndAHealthyExtension() throws Exception {
        Diagnosis d = diagnose(pg, "immich", options());
        Finding ok = one(d, "immich.vector-extension");
        assertEquals(Severity.OK, ok.severity());
        assertEquals("vchord", ok.subject());
        assertTrue(all(d, "immich.reindex-pending").isEmpty(), "both indexes use vchordrq: " + ids(d));

        Finding preload = one(d, "postgres.preload-missing");
        assertTrue(preload.evidence().contains("source: configuration file"), preload.evidence());
        assertTrue(preload.evidence().contains("postgresql.auto.conf"), preload.evidence());
        assertTrue(preload.cause().contains("`shared_preload_libraries = '\"vectors.so\"'`"), preload.cause());
        assertEquals(List.of("ALTER SYSTEM RESET shared_preload_libraries;"), preload.fix().sql());
    }

    @Test
    void hbaRuleOnFourteen() throws Exception {
        Finding rule = one(diagnose(pg, "immich", options()), "postgres.hba-rule");
        assertTrue(rule.summary().contains("(trust)"), rule.summary());
        assertTrue(rule.evidence().contains("127.0.0.1/32"), rule.evidence());
    }

    @Test
    void ownConnectionWithoutHbaEntryIsAFinding() throws Exception {
        Diagnosis d = diagnose(pg, "immichhba", options());
        Finding f = one(d, "postgres.no-hba-entry");
        assertTrue(f.evidence().startsWith("no pg_hba.conf entry for host \"127.0.0.1\", user \"postgres\", database \"immichhba\""),
                f.evidence());
        assertTrue(f.fix().summary().contains("`host immichhba postgres 127.0.0.1/32 scram-sha-256`"), f.fix().summary());
        assertEquals(1, d.findings().size(), ids(d));
    }

    @Test
    void downgradeIsPredictedWithImmichsText() throws Exception {
        Finding down = one(diagnose(pg, "immichdown", options()), "immich.extension-downgrade");
        assertTrue(down.cause().contains("The database currently has VectorChord 0.4.3 activated, but the Postgres instance only has 0.4.1 available.\n"
                + "    This most likely means the extension was downgraded."), down.cause());
    }

    @Test
    void nightlyWhenPgvectorIsPinned() throws Exception {
        Diagnosis d = diagnose(pg, "immichnightly", options().withVectorExtension("pgvector"));
        Finding nightly = one(d, "immich.extension-nightly");
        assertEquals(List.of("DROP EXTENSION IF EXISTS vector;"), nightly.fix().sql());
        assertTrue(nightly.cause().contains("https://docs.immich.app/guides/database-queries"), "v2.0.1 uses the new docs domain");
    }

    @Test
    void pgvectorBelowSevenWithVectorChord() throws Exception {
        Finding old = one(diagnose(pg, "immicholdvector", options()), "immich.pgvector-too-old");
        assertTrue(old.summary().contains("pgvector 0.6.0"), old.summary());
        assertEquals(List.of("ALTER EXTENSION vector UPDATE;"), old.fix().sql());
    }

    @Test
    void readOnlyDatabase() throws Exception {
        Finding ro = one(diagnose(pg, "immichro", options()), "postgres.read-only");
        assertEquals(List.of("ALTER DATABASE immichro SET default_transaction_read_only = off;"), ro.fix().sql());
        assertTrue(ro.evidence().contains("default_transaction_read_only=on"), ro.evidence());
    }

    @Test
    void standbyIsAReplica() throws Exception {
        Diagnosis d = diagnose(standby, "immich", options());
        Finding replica = one(d, "postgres.replica");
        assertTrue(replica.evidence().contains("pg_is_in_recovery() = true"), replica.evidence());
        assertTrue(all(d, "postgres.read-only").isEmpty());
    }
}
