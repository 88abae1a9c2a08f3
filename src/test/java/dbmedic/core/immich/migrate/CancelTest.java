package dbmedic.core.immich.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cancel in the middle of a phase (after smart_search was converted) rolls everything back. */
class CancelTest {
    @TempDir
    Path tmp;

    @Test
    void cancelAfterTheFirstTableRollsBackTheWholePhase() throws Exception {
        try (PgServer pg = PgServer.builder(17).serverConfig("shared_preload_libraries", "vchord.so,vectors.so").start()) {
            ImmichDatabase.on(pg).extension(ImmichDatabase.VectorExtension.PGVECTORS).rows(500).create();
            BackupEvidence backup = Migrations.evidence(pg, "immich", tmp.resolve("b"));
            String before = Migrations.fingerprint(pg, "immich");
            Progress cancelAtFaces = new Progress() {
                private volatile boolean cancelled;

                @Override
                public void update(long done, long total, String message) {
                    if (message != null && message.startsWith("Checking face_search")) {
                        cancelled = true;
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }
            };
            try (PgSession session = Migrations.session(pg, "postgres", "immich", tmp)) {
                ImmichMigration m = Migrations.migration(session, tmp.resolve("journals"));
                MigrationPlan plan = m.plans(m.readState(Progress.NONE)).get(0);
                assertThrows(CancelledException.class, () -> m.apply(plan, plan.phases().get(0), backup, cancelAtFaces));
                assertTrue(m.journal().isEmpty(), "a cancelled first phase leaves no journal");
            }
            assertEquals(before, Migrations.fingerprint(pg, "immich"));
        }
    }
}
