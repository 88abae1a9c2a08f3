package dbmedic.core.immich.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.backup.TableSnapshot;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plan 1 (pgvecto.rs and VectorChord both loadable) end to end on PostgreSQL 14 and 17, 512 and 768 dimensions. */
class OneStepMigrationTest {
    static PgServer pg14;
    static PgServer pg17;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        pg14 = PgServer.builder(14).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start();
        pg17 = PgServer.builder(17).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start();
    }

    @AfterAll
    static void stop() {
        pg14.close();
        pg17.close();
    }

    @ParameterizedTest
    @CsvSource({"14, 512", "14, 768", "17, 512", "17, 768"})
    void convertsEveryRowWithoutLoss(int major, int dim) throws Exception {
        PgServer pg = major == 14 ? pg14 : pg17;
        String db = "immich_" + dim;
        ImmichDatabase.on(pg).name(db).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .clipDimension(dim).rows(3000).create();
        List<TableSnapshot> before = Migrations.snapshots(pg, db);
        Path journals = tmp.resolve("journals");
        try (PgSession session = Migrations.session(pg, "postgres", db, tmp)) {
            ImmichMigration m = Migrations.migration(session, journals);
            MigrationState state = m.readState(Progress.NONE);
            assertEquals(dim, state.table("smart_search").orElseThrow().dimension());
            assertEquals(3000, state.table("face_search").orElseThrow().rows());
            List<MigrationPlan> plans = m.plans(state);
            assertEquals(List.of(MigrationPlan.PGVECTORS_TO_VCHORD, MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE),
                    plans.stream().map(MigrationPlan::id).toList());
            MigrationPlan plan = plans.get(0);
            assertEquals(List.of(
                    "CREATE EXTENSION IF NOT EXISTS vchord CASCADE",
                    "DROP INDEX IF EXISTS clip_index",
                    "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[]",
                    "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE vector(" + dim + ")",
                    "DROP INDEX IF EXISTS face_index",
                    "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE real[]",
                    "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE vector(512)"), plan.allStatements());
            assertEquals(List.of(), m.guards(state, plan));

            BackupEvidence backup = BackupEvidence.of(tmp.resolve("backup"), true, before);
            MigrationVerification v = Migrations.applyAll(m, plan, backup);

            assertTrue(v.lossless());
            for (TableComparison t : v.tables()) {
                assertEquals(3000, t.now().rows());
                assertEquals(t.backup().sha256(), t.now().sha256());
            }
            assertEquals("vector(" + dim + ")", Migrations.columnType(pg, db, "smart_search"));
            assertEquals("vector(512)", Migrations.columnType(pg, db, "face_search"));
            assertEquals("0.4.3", pg.queryValue(db, "SELECT extversion FROM pg_extension WHERE extname = 'vchord'"));
            assertEquals(List.of(), pg.queryColumn(db, "SELECT indexname FROM pg_indexes WHERE indexname IN ('clip_index', 'face_index')"));
            // Finished: no pending journal; the record moved to done/.
            assertTrue(m.journal().isEmpty());
            try (var files = Files.list(journals.resolve("done"))) {
                assertEquals(1, files.count());
            }
            // Now the offered plan is the cleanup, and re-applying plan 1 is refused as done.
            MigrationState after = m.readState(Progress.NONE);
            assertEquals(List.of(MigrationPlan.CLEANUP), m.plans(after).stream().map(MigrationPlan::id).toList());
            assertEquals("nothing-to-do", m.guards(after, m.plan(after, MigrationPlan.PGVECTORS_TO_VCHORD).orElseThrow())
                    .get(0).code());
            assertFalse(v.checks().isEmpty());
        }
    }
}
