package dbmedic.core.immich.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every guard refuses, says why and what to do, and changes nothing (catalog and content compared before/after). */
class GuardsTest {
    static PgServer pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so")
                .role("immich", null, false).start();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private void create(String db, String version, String owner) {
        ImmichDatabase.on(pg).name(db).owner(owner).immichVersion(version)
                .extension(ImmichDatabase.VectorExtension.PGVECTORS).rows(200).create();
    }

    /** Asserts the guards refuse with {@code code}, and apply refuses too and leaves the database as it was. */
    private Refusal refusesAndChangesNothing(String db, String user, String code, BackupEvidence backup) throws Exception {
        String before = Migrations.fingerprint(pg, db);
        try (PgSession session = Migrations.session(pg, user, db, tmp)) {
            ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
            MigrationState state = m.readState(Progress.NONE);
            MigrationPlan plan = m.plans(state).get(0);
            if (backup == null) {
                Refusal refusal = m.guards(state, plan).stream().filter(r -> r.code().equals(code)).findFirst()
                        .orElseThrow(() -> new AssertionError("no " + code + " refusal in " + m.guards(state, plan)));
                assertTrue(!refusal.reason().isBlank() && !refusal.whatToDo().isBlank());
            }
            BackupEvidence evidence = backup != null ? backup : Migrations.evidence(pg, db, tmp.resolve("b"));
            MigrationRefusedException e = assertThrows(MigrationRefusedException.class,
                    () -> m.apply(plan, plan.phases().get(0), evidence, Progress.NONE));
            assertTrue(e.refusals().stream().anyMatch(r -> r.code().equals(code)), e.refusals()::toString);
            assertTrue(m.journal().isEmpty(), "a refused phase leaves no journal");
        }
        assertEquals(before, Migrations.fingerprint(pg, db));
        return backup == null ? refusal(db, user, code) : null;
    }

    private Refusal refusal(String db, String user, String code) throws Exception {
        try (PgSession session = Migrations.session(pg, user, db, tmp)) {
            ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
            MigrationState state = m.readState(Progress.NONE);
            return m.guards(state, m.plans(state).get(0)).stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
        }
    }

    @Test
    void otherSessionsOnTheDatabase() throws Exception {
        create("sessions", "1.137.0", "postgres");
        try (Connection immich = pg.connection("sessions", "immich", null);
             Statement st = immich.createStatement()) {
            st.execute("SET application_name = 'immich_server'");
            String pid = pg.queryValue("postgres", "SELECT pid FROM pg_stat_activity WHERE application_name = 'immich_server'");
            Refusal r = refusesAndChangesNothing("sessions", "postgres", "other-sessions", null);
            assertTrue(r.details().stream().anyMatch(d -> d.contains("pid " + pid) && d.contains("immich_server")),
                    r.details()::toString);
            assertTrue(r.whatToDo().contains("Stop Immich"));
        }
    }

    @Test
    void readOnlyDatabase() throws Exception {
        create("readonly", "1.137.0", "postgres");
        pg.execute("postgres", "ALTER DATABASE readonly SET default_transaction_read_only = on");
        refusesAndChangesNothing("readonly", "postgres", "read-only", null);
    }

    @Test
    void missingPrivilegesShowTheSuperuserStatements() throws Exception {
        create("privileges", "1.137.0", "immich");
        Refusal r = refusesAndChangesNothing("privileges", "immich", "privileges", null);
        assertTrue(r.details().contains("CREATE EXTENSION IF NOT EXISTS vchord CASCADE;"), r.details()::toString);
        assertTrue(r.details().get(0).contains("-d privileges"));
        // The superuser runs it in the Immich database; then the owner (not a superuser) converts.
        pg.execute("privileges", "CREATE EXTENSION IF NOT EXISTS vchord CASCADE");
        BackupEvidence backup = Migrations.evidence(pg, "privileges", tmp.resolve("b"));
        try (PgSession session = Migrations.session(pg, "immich", "privileges", tmp)) {
            ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
            MigrationState state = m.readState(Progress.NONE);
            MigrationPlan plan = m.plans(state).get(0);
            assertEquals(List.of(), m.guards(state, plan));
            Migrations.applyAll(m, plan, backup);
        }
        assertEquals("vector(512)", Migrations.columnType(pg, "privileges", "smart_search"));
    }

    @Test
    void vectorChordOutOfTheImmichVersionsRange() throws Exception {
        create("range", "1.133.0", "postgres");
        Refusal r = refusesAndChangesNothing("range", "postgres", "vchord-range", null);
        assertTrue(r.reason().contains("0.4.3") && r.reason().contains(">=0.3 <0.4"), r.reason());
        create("tooold", "1.132.3", "postgres");
        Refusal old = refusesAndChangesNothing("tooold", "postgres", "vchord-range", null);
        assertTrue(old.reason().contains("does not support VectorChord"), old.reason());
    }

    @Test
    void backupNotVerifiedOrNotMatching() throws Exception {
        create("backup", "1.137.0", "postgres");
        BackupEvidence good = Migrations.evidence(pg, "backup", tmp.resolve("b"));
        BackupEvidence unverified = BackupEvidence.of(good.folder(), false, good.tables());
        refusesAndChangesNothing("backup", "postgres", "backup", unverified);
        // A face changed after the backup: refused inside the transaction, after smart_search was converted — all rolled back.
        pg.execute("backup", "UPDATE face_search SET embedding = embedding WHERE \"faceId\" = md5('face-7')::uuid",
                "DELETE FROM face_search WHERE \"faceId\" = md5('face-8')::uuid");
        String before = Migrations.fingerprint(pg, "backup");
        try (PgSession session = Migrations.session(pg, "postgres", "backup", tmp)) {
            ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
            MigrationPlan plan = m.plans(m.readState(Progress.NONE)).get(0);
            MigrationRefusedException e = assertThrows(MigrationRefusedException.class,
                    () -> m.apply(plan, plan.phases().get(0), good, Progress.NONE));
            assertEquals("changed-since-backup", e.refusals().get(0).code());
            assertTrue(e.refusals().get(0).details().get(0).contains("backup 200 rows"), e.refusals().get(0).details()::toString);
            assertTrue(e.refusals().get(0).details().get(0).contains("now 199 rows"));
            assertTrue(m.journal().isEmpty());
        }
        assertEquals(before, Migrations.fingerprint(pg, "backup"));
    }

    @Test
    void aRowRewrittenWithTheSameValueIsHashedAndAccepted() throws Exception {
        create("rewritten", "1.137.0", "postgres");
        BackupEvidence backup = Migrations.evidence(pg, "rewritten", tmp.resolve("b"));
        // A new row version with the same content: the cheap proof fails, the checksum still matches.
        pg.execute("rewritten", "UPDATE face_search SET embedding = embedding WHERE \"faceId\" = md5('face-7')::uuid");
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (PgSession session = Migrations.session(pg, "postgres", "rewritten", tmp)) {
            ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
            MigrationPlan plan = m.plans(m.readState(Progress.NONE)).get(0);
            m.apply(plan, plan.phases().get(0), backup, recording);
            assertTrue(m.verify(plan, backup, Progress.NONE).lossless());
        }
        assertTrue(messages.contains("smart_search: unchanged since the backup (same rows, none written after it)"),
                messages::toString);
        assertTrue(messages.contains("Checking face_search against the backup: every row"), messages::toString);
    }

    @Test
    void cleanupWhileTheColumnsStillUsePgvectors() throws Exception {
        create("cleanup", "1.137.0", "postgres");
        String before = Migrations.fingerprint(pg, "cleanup");
        try (PgSession session = Migrations.session(pg, "postgres", "cleanup", tmp)) {
            ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
            MigrationState state = m.readState(Progress.NONE);
            MigrationPlan cleanup = m.plan(state, MigrationPlan.CLEANUP).orElseThrow();
            assertEquals(List.of("DROP EXTENSION vectors", "DROP SCHEMA IF EXISTS vectors"), cleanup.allStatements());
            List<Refusal> refusals = m.guards(state, cleanup);
            assertEquals("still-pgvectors", refusals.get(0).code());
            assertTrue(refusals.get(0).details().get(0).contains("vector(512)"), refusals.get(0).details()::toString);
            assertThrows(MigrationRefusedException.class, () -> m.apply(cleanup, cleanup.phases().get(0),
                    Migrations.evidence(pg, "cleanup", tmp.resolve("b")), Progress.NONE));
        }
        assertEquals(before, Migrations.fingerprint(pg, "cleanup"));
    }

    @Test
    void aReplicaNamesItsPrimary() throws Exception {
        try (PgServer primary = PgServer.builder(17).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start()) {
            ImmichDatabase.on(primary).extension(ImmichDatabase.VectorExtension.PGVECTORS).rows(50).create();
            PgServer standby = primary.standby();
            String wait = "SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'";
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!"1".equals(standby.queryValue("postgres", wait)) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            try (PgSession session = Migrations.session(standby, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
                MigrationState state = m.readState(Progress.NONE);
                assertTrue(state.inRecovery());
                Refusal r = m.guards(state, m.plans(state).get(0)).stream().filter(x -> x.code().equals("read-only"))
                        .findFirst().orElseThrow();
                assertTrue(r.reason().contains("replica") && r.reason().contains(":" + primary.port()), r.reason());
            }
        }
    }
}
