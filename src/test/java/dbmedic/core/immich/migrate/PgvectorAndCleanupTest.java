package dbmedic.core.immich.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Plan 3 (pgvector → VectorChord) and plan 4 (cleanup after Immich reindexed) end to end. */
class PgvectorAndCleanupTest {
    @TempDir
    Path tmp;

    @Test
    void pgvectorIsUpdatedThenVectorChordInstalled() throws Exception {
        try (PgServer pg = PgServer.builder(17).extension("vector", "0.6.0")
                .autoConf("shared_preload_libraries = 'vchord.so'").start()) {
            ImmichDatabase.on(pg).immichVersion("2.0.0").extension(ImmichDatabase.VectorExtension.PGVECTOR)
                    .clipDimension(768).rows(1500).create();
            BackupEvidence backup = Migrations.evidence(pg, "immich", tmp.resolve("backup"));
            Path journals = tmp.resolve("journals");
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, journals);
                MigrationState state = m.readState(Progress.NONE);
                MigrationPlan plan = m.plans(state).get(0);
                assertEquals(MigrationPlan.PGVECTOR_TO_VCHORD, plan.id());
                assertEquals(List.of("ALTER EXTENSION vector UPDATE", "CREATE EXTENSION IF NOT EXISTS vchord CASCADE"),
                        plan.allStatements());
                assertTrue(plan.afterwards().get(0).contains("DB_VECTOR_EXTENSION"));
                // Only pgvector 0.6.0 on this server: VectorChord needs 0.7.
                assertEquals("pgvector-too-old", m.guards(state, plan).get(0).code());
            }
            Map<String, List<String>> newer = new LinkedHashMap<>();
            newer.put("vector", List.of("0.8.0", "0.6.0"));
            newer.put("vchord", List.of("0.4.3"));
            pg.swapImage(newer, null);
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, journals);
                MigrationState state = m.readState(Progress.NONE);
                MigrationPlan plan = m.plans(state).get(0);
                assertEquals(List.of(), m.guards(state, plan));
                MigrationVerification v = Migrations.applyAll(m, plan, backup);
                assertTrue(v.lossless());
                assertEquals(1500, v.tables().get(0).now().rows());
            }
            assertEquals("0.8.0", pg.queryValue("immich", "SELECT extversion FROM pg_extension WHERE extname = 'vector'"));
            assertEquals("0.4.3", pg.queryValue("immich", "SELECT extversion FROM pg_extension WHERE extname = 'vchord'"));
            assertEquals("vector(768)", Migrations.columnType(pg, "immich", "smart_search"));
        }
    }

    @Test
    void cleanupDropsPgvectorsAndTheAlterSystemPreload() throws Exception {
        try (PgServer pg = PgServer.builder(14).autoConf("shared_preload_libraries = '\"vchord.so\", \"vectors.so\"'").start()) {
            ImmichDatabase.on(pg).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                    .clipDimension(512).rows(800).create();
            BackupEvidence backup = Migrations.evidence(pg, "immich", tmp.resolve("backup"));
            Path journals = tmp.resolve("journals");
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, journals);
                Migrations.applyAll(m, m.plans(m.readState(Progress.NONE)).get(0), backup);

                MigrationState state = m.readState(Progress.NONE);
                MigrationPlan cleanup = m.plans(state).get(0);
                assertEquals(MigrationPlan.CLEANUP, cleanup.id());
                assertEquals("not-reindexed", m.guards(state, cleanup).get(0).code());
                // Immich starts and reindexes (vectorIndexQuery; the stand-in takes no options).
                pg.execute("immich",
                        "CREATE INDEX clip_index ON smart_search USING vchordrq (embedding vector_cosine_ops)",
                        "CREATE INDEX face_index ON face_search USING vchordrq (embedding vector_cosine_ops)");
                state = m.readState(Progress.NONE);
                cleanup = m.plans(state).get(0);
                assertEquals(List.of(), m.guards(state, cleanup));
                assertEquals(List.of("drop-vectors", "preload"), cleanup.phases().stream().map(MigrationPhase::id).toList());
                assertEquals(List.of("DROP EXTENSION vectors", "DROP SCHEMA IF EXISTS vectors",
                        "ALTER SYSTEM SET shared_preload_libraries = 'vchord.so'"), cleanup.allStatements());
                assertTrue(!cleanup.phases().get(1).transactional());
                MigrationVerification v = Migrations.applyAll(m, cleanup, backup);
                assertTrue(v.lossless());
                // Before the restart the server still loads vectors.so: done, not offered again.
                MigrationState pending = m.readState(Progress.NONE);
                assertTrue(pending.preload().dropsAtRestart("vectors"), pending.preload().toString());
                assertTrue(m.plans(pending).stream().noneMatch(p -> p.id().equals(MigrationPlan.CLEANUP)),
                        m.plans(pending)::toString);
            }
            assertEquals(List.of("vchord", "vector"), pg.queryColumn("immich",
                    "SELECT extname FROM pg_extension WHERE extname LIKE 'v%' ORDER BY 1"));
            assertEquals(null, pg.queryValue("immich", "SELECT to_regnamespace('vectors')::text"));
            // ALTER SYSTEM writes each list item double-quoted (postgres.md §3.6).
            String auto = Files.readString(pg.autoConfFile());
            assertTrue(auto.contains("shared_preload_libraries = '\"vchord.so\"'") && !auto.contains("vectors"), auto);
            pg.restart();
            assertEquals(List.of("vchord.so"), dbmedic.core.postgres.conf.LibraryList.parse(
                    pg.queryValue("postgres", "SHOW shared_preload_libraries")).names());
        }
    }
}
