package dbmedic.core.immich.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan 2: pgvecto.rs only on the old image; phase 1, the image swap (extension files replaced,
 * server restarted), phase 2 by a new ImmichMigration that resumes from the journal.
 */
class TwoPhaseMigrationTest {
    @TempDir
    Path tmp;

    private static PgServer oldImage(int major) {
        return PgServer.builder(major).withoutExtension("vchord").withoutExtension("vector").start();
    }

    private static Map<String, List<String>> vchordImage() {
        Map<String, List<String>> ext = new LinkedHashMap<>();
        ext.put("vector", List.of("0.8.0"));
        ext.put("vchord", List.of("0.4.3"));
        return ext;
    }

    @Test
    void phaseOneImageSwapPhaseTwoAcrossARestart() throws Exception {
        try (PgServer pg = oldImage(14)) {
            ImmichDatabase.on(pg).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                    .clipDimension(768).rows(2500).create();
            BackupEvidence backup = Migrations.evidence(pg, "immich", tmp.resolve("backup"));
            Path journals = tmp.resolve("journals");
            MigrationPlan plan;
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, journals);
                MigrationState state = m.readState(Progress.NONE);
                List<MigrationPlan> plans = m.plans(state);
                assertEquals(List.of(MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE), plans.stream().map(MigrationPlan::id).toList());
                plan = plans.get(0);
                assertEquals(Map.of("smart_search", 768, "face_search", 512), plan.dimensions());
                assertEquals(List.of("DROP INDEX IF EXISTS clip_index",
                        "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[]",
                        "DROP INDEX IF EXISTS face_index",
                        "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE real[]"), plan.phases().get(0).statements());
                assertEquals(List.of("CREATE EXTENSION IF NOT EXISTS vchord CASCADE",
                        "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE vector(768)",
                        "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE vector(512)"), plan.phases().get(1).statements());
                ImageSwap swap = plan.phases().get(0).pauseAfter().orElseThrow();
                assertEquals(List.of("compose", "helm-cnpg", "home-assistant"),
                        swap.instructions().stream().map(SetupInstruction::setup).toList());
                assertTrue(swap.instructions().get(0).steps().get(0)
                        .contains("ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0"));
                assertEquals(List.of(), m.guards(state, plan));

                PhaseResult one = m.apply(plan, plan.phases().get(0), backup, Progress.NONE);
                assertTrue(one.pauseAfter().isPresent());
                assertEquals("phase-2", one.nextPhase().orElseThrow());
                MigrationJournal j = m.journal().orElseThrow();
                assertEquals(List.of("phase-1"), j.phasesDone());
                assertEquals(768, j.dimensions().get("smart_search"));
                assertTrue(j.phaseRunning().isEmpty());
                // Phase 2 on the old image is refused: no VectorChord here.
                MigrationState mid = m.readState(Progress.NONE);
                assertEquals("not-available", m.guards(mid, plan).get(0).code());
            }
            assertEquals("real[]", Migrations.columnType(pg, "immich", "smart_search"));

            pg.swapImage(vchordImage(), "vchord.so");

            // A new DB Medic process: only the journal knows the 768.
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, journals);
                MigrationState state = m.readState(Progress.NONE);
                MigrationPlan resumed = m.plans(state).get(0);
                assertEquals(MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE, resumed.id());
                assertEquals(768, resumed.dimensions().get("smart_search"));
                assertEquals("phase-2", m.nextPhase(state, resumed).orElseThrow().id());
                assertEquals(List.of(), m.guards(state, resumed));
                // Phase 1 again is refused: it is done.
                MigrationRefusedException again = assertThrows(MigrationRefusedException.class,
                        () -> m.apply(resumed, resumed.phases().get(0), backup, Progress.NONE));
                assertEquals("phase-order", again.refusals().get(0).code());

                PhaseResult two = m.apply(resumed, resumed.phases().get(1), backup, Progress.NONE);
                assertTrue(two.planComplete());
                MigrationVerification v = m.verify(resumed, backup, Progress.NONE);
                assertTrue(v.passed(), v::toString);
                assertTrue(v.lossless());
                assertTrue(m.journal().isEmpty());
            }
            assertEquals("vector(768)", Migrations.columnType(pg, "immich", "smart_search"));
            assertEquals("vector(512)", Migrations.columnType(pg, "immich", "face_search"));
        }
    }

    @Test
    void swappingTheImageBeforePhaseOneIsRefusedUntilPgvectorsIsBack() throws Exception {
        try (PgServer pg = oldImage(14)) {
            ImmichDatabase.on(pg).extension(ImmichDatabase.VectorExtension.PGVECTORS).rows(100).create();
            pg.swapImage(vchordImage(), "vchord.so"); // immich#29983: vchord-only image, columns still vectors.vector
            String before = Migrations.fingerprint(pg, "immich");
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
                MigrationState state = m.readState(Progress.NONE);
                for (MigrationPlan plan : m.plans(state)) {
                    Refusal r = m.guards(state, plan).get(0);
                    assertEquals("pgvectors-missing", r.code(), plan.id());
                    assertTrue(r.whatToDo().contains("ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0"));
                }
            }
            assertEquals(before, Migrations.fingerprint(pg, "immich"));
        }
    }

    @Test
    void aCrashDuringPhaseOneResumesFromTheLiveColumns() throws Exception {
        try (PgServer pg = oldImage(17)) {
            ImmichDatabase.on(pg).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                    .clipDimension(512).rows(1000).create();
            BackupEvidence backup = Migrations.evidence(pg, "immich", tmp.resolve("backup"));
            Path journals = tmp.resolve("journals");
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, journals);
                MigrationPlan plan = m.plans(m.readState(Progress.NONE)).get(0);
                // What a process killed inside phase 1 leaves: the journal says "running", the transaction rolled back.
                new JournalStore(journals).write(new MigrationJournal(m.serverKey(), plan.id(), plan.dimensions(), List.of(),
                        java.util.Optional.of("phase-1"), backup.folder().toString(), java.time.Instant.now(),
                        java.time.Instant.now()));

                ImmichMigration restarted = Migrations.migration(session, journals);
                MigrationState state = restarted.readState(Progress.NONE);
                MigrationPlan resumed = restarted.plans(state).get(0);
                assertEquals("phase-1", restarted.nextPhase(state, resumed).orElseThrow().id());
                restarted.apply(resumed, resumed.phases().get(0), backup, Progress.NONE);

                // Killed after COMMIT but before the journal's "done": the live real[] columns say phase 1 happened.
                new JournalStore(journals).write(new MigrationJournal(m.serverKey(), plan.id(), plan.dimensions(), List.of(),
                        java.util.Optional.of("phase-1"), backup.folder().toString(), java.time.Instant.now(),
                        java.time.Instant.now()));
                ImmichMigration again = Migrations.migration(session, journals);
                MigrationState mid = again.readState(Progress.NONE);
                assertEquals("phase-2", again.nextPhase(mid, again.plans(mid).get(0)).orElseThrow().id());
            }
        }
    }

    @Test
    void withoutAJournalTheDimensionComesFromTheStoredArrays() throws Exception {
        try (PgServer pg = PgServer.builder(14).autoConf("shared_preload_libraries = 'vchord.so'").start()) {
            // The state in the middle of the manual path, done by hand: real[] columns, no journal.
            ImmichDatabase.on(pg).extension(null).clipDimension(640).rows(500).create();
            BackupEvidence backup = Migrations.evidence(pg, "immich", tmp.resolve("backup"));
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
                MigrationState state = m.readState(Progress.NONE);
                assertEquals(-1, state.table("smart_search").orElseThrow().dimension());
                assertEquals(640, state.table("smart_search").orElseThrow().storedDimension());
                MigrationPlan plan = m.plans(state).get(0);
                assertEquals(MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE, plan.id());
                assertEquals("phase-2", m.nextPhase(state, plan).orElseThrow().id());
                m.apply(plan, plan.phases().get(1), backup, Progress.NONE);
                assertTrue(m.verify(plan, backup, Progress.NONE).passed());
                assertFalse(Files.exists(m.journalFile()));
            }
            assertEquals("vector(640)", Migrations.columnType(pg, "immich", "smart_search"));
        }
    }
}
