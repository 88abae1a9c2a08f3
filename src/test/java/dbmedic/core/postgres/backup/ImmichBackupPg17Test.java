package dbmedic.core.postgres.backup;

import static dbmedic.core.postgres.backup.BackupFixtures.assertSameContent;
import static dbmedic.core.postgres.backup.BackupFixtures.checksum;
import static dbmedic.core.postgres.backup.BackupFixtures.columnType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.ImmichDatabase.VectorExtension;
import dbmedic.pgtest.PgServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL 17, newer than this computer's pg_dump 15: the backup is the vector tables only,
 * and says so in plain words; the restore still works, also when the backup's column type can
 * no longer be created.
 */
class ImmichBackupPg17Test {
    private static final int ROWS = 2500;
    private static PgServer pg;
    private static PgTools tooOld;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pg = PgServer.builder(17).serverConfig("shared_preload_libraries", "vchord.so").start();
        tooOld = new PgDumpLocator().all().stream().filter(t -> t.major() < 17).findFirst()
                .orElseThrow(() -> new AssertionError("the test machine needs a pg_dump older than 17 (docs/testing-postgres.md)"));
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private PgSession session(String database) throws Exception {
        return BackupFixtures.session(pg, database, null, dir.resolve("home"));
    }

    @Test
    void withOnlyAnOlderPgDumpTheBackupIsTheVectorTablesAndSaysWhy() throws Exception {
        ImmichDatabase db = ImmichDatabase.on(pg).name("immich_vchord").immichVersion("1.137.0")
                .extension(VectorExtension.VECTORCHORD).clipDimension(512).rows(ROWS).create();
        PgBackupResult r;
        try (PgSession s = session(db.name())) {
            r = new ImmichBackup(null, new PgDumpLocator(List.of(tooOld.pgDump().getParent()))).backUp(s, dir, Progress.NONE);
        }
        assertTrue(r.dumpFile().isEmpty());
        assertEquals("pg_dump " + tooOld.major() + " on this computer is older than the server (17);"
                + " only the vector tables were backed up", r.dumpNote());
        assertTrue(r.verified());
        assertEquals("1.137.0", r.immichVersion());
        for (String table : List.of("smart_search", "face_search")) {
            TableSnapshot snap = r.table(table).orElseThrow();
            assertEquals("vector(512)", snap.columnType());
            assertSameContent(checksum(pg, db.name(), table), snap);
            assertEquals(ROWS, snap.rows());
        }
        assertEquals(List.of("face_search.copy.gz", "face_search.ddl.sql", "manifest.json", "smart_search.copy.gz",
                "smart_search.ddl.sql"), BackupFixtures.entries(r.folder()).stream().map(p -> p.getFileName().toString()).sorted().toList());
        String ddl = Files.readString(r.ddlFile("face_search"));
        assertTrue(ddl.contains("USING vchordrq (embedding public.vector_cosine_ops)"), ddl);

        try (PgSession s = session(db.name())) {
            r = new ImmichBackup(null, new PgDumpLocator(List.of())).backUp(s, dir, Progress.NONE);
        }
        assertEquals("No pg_dump was found on this computer; only the vector tables were backed up", r.dumpNote());
        assertTrue(r.folder().getFileName().toString().startsWith("immich-immich_vchord-"), r.folder().toString());
    }

    @Test
    void restoreIntoRealArrayWhenTheBackupsTypeCannotBeCreatedAnyMore() throws Exception {
        ImmichDatabase db = ImmichDatabase.on(pg).name("immich_vectors").immichVersion("1.132.3")
                .extension(VectorExtension.PGVECTORS).clipDimension(512).rows(ROWS).create();
        PgBackupResult backup;
        try (PgSession s = session(db.name())) {
            backup = new ImmichBackup(null, new PgDumpLocator(List.of())).backUp(s, dir, Progress.NONE);
        }
        // A migration that went wrong after pgvecto.rs was removed: real[] columns, rows lost.
        pg.execute(db.name(), "DROP INDEX clip_index", "DROP INDEX face_index",
                "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[]",
                "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE real[]",
                "DROP EXTENSION vectors CASCADE", "TRUNCATE smart_search");

        RestoreResult r;
        try (PgSession s = session(db.name())) {
            r = new VectorTableRestore().restore(s, backup, Progress.NONE);
        }
        assertTrue(r.committed(), r.message());
        assertEquals("real[]", columnType(pg, db.name(), "smart_search"));
        for (String table : List.of("smart_search", "face_search")) {
            assertSameContent(backup.table(table).orElseThrow(), checksum(pg, db.name(), table));
        }
        assertEquals(0, r.tables().get(0).before().rows());
        assertTrue(r.notes().contains("smart_search.embedding stays real[]: the backup's type vectors.vector(512) cannot be"
                + " created now (extension vectors is not installed); the rows were restored into the current type."), r.notes().toString());
    }

    @Test
    void restoreUndoesACompletedMigrationToVectorChord() throws Exception {
        ImmichDatabase db = ImmichDatabase.on(pg).name("immich_undo").immichVersion("1.133.0")
                .extension(VectorExtension.PGVECTORS).clipDimension(512).rows(ROWS).create();
        PgBackupResult backup;
        try (PgSession s = session(db.name())) {
            backup = new ImmichBackup(null, new PgDumpLocator(List.of())).backUp(s, dir, Progress.NONE);
        }
        // Plan 1 of the migration (immich.md §6), then Immich's VectorChord index.
        pg.execute(db.name(), "CREATE EXTENSION IF NOT EXISTS vchord CASCADE", "DROP INDEX clip_index", "DROP INDEX face_index",
                "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[]",
                "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE public.vector(512)",
                "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE real[]",
                "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE public.vector(512)",
                "CREATE INDEX clip_index ON smart_search USING vchordrq (embedding public.vector_cosine_ops)",
                "CREATE INDEX face_index ON face_search USING vchordrq (embedding public.vector_cosine_ops)",
                "DELETE FROM face_search WHERE \"faceId\" = md5('face-1')::uuid");
        assertEquals("public", pg.queryValue(db.name(), "SELECT t.typnamespace::regnamespace::text FROM pg_attribute a"
                + " JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = 'smart_search'::regclass AND a.attname = 'embedding'"));

        RestoreResult r;
        try (PgSession s = session(db.name())) {
            r = new VectorTableRestore().restore(s, backup, Progress.NONE);
        }
        assertTrue(r.committed(), r.message());
        for (String table : List.of("smart_search", "face_search")) {
            assertEquals("vectors", pg.queryValue(db.name(), "SELECT t.typnamespace::regnamespace::text FROM pg_attribute a"
                    + " JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = '" + table + "'::regclass AND a.attname = 'embedding'"),
                    table + " is pgvecto.rs's type again");
            assertSameContent(backup.table(table).orElseThrow(), checksum(pg, db.name(), table));
        }
        assertEquals(List.of("clip_index"), r.tables().get(0).indexesDropped());
        // Immich's pgvecto.rs index options are not accepted by the stand-in access method: Immich rebuilds it.
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("clip_index could not be recreated")), r.notes().toString());
        assertEquals(List.of(), pg.queryColumn(db.name(), "SELECT indexname FROM pg_indexes WHERE indexname IN ('clip_index', 'face_index')"));
    }
}
