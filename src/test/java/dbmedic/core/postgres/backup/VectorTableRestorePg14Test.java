package dbmedic.core.postgres.backup;

import static dbmedic.core.postgres.backup.BackupFixtures.assertSameContent;
import static dbmedic.core.postgres.backup.BackupFixtures.checksum;
import static dbmedic.core.postgres.backup.BackupFixtures.columnType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * Restoring the vector tables of a pgvecto.rs-era database (768 dimensions) from a backup:
 * after rows were lost or changed, after the columns were converted to real[] half-way through
 * a migration, and refusals that leave the database as it was.
 */
class VectorTableRestorePg14Test {
    private static final int ROWS = 2000;
    private static PgServer pg;
    private static int databases;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pg = PgServer.start(14);
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private static ImmichDatabase.Builder fresh() {
        return ImmichDatabase.on(pg).name("immich_" + (++databases)).immichVersion("1.132.3")
                .extension(VectorExtension.PGVECTORS).clipDimension(768).rows(ROWS);
    }

    private PgSession session(ImmichDatabase db) throws Exception {
        return BackupFixtures.session(pg, db.name(), null, dir.resolve("home"));
    }

    private PgBackupResult backUp(ImmichDatabase db) throws Exception {
        try (PgSession s = session(db)) {
            // COPY files only: the restore never reads the pg_dump file.
            return new ImmichBackup(null, new PgDumpLocator(List.of())).backUp(s, dir, Progress.NONE);
        }
    }

    private RestoreResult restore(ImmichDatabase db, PgBackupResult backup) throws Exception {
        try (PgSession s = session(db)) {
            return new VectorTableRestore().restore(s, backup, Progress.NONE);
        }
    }

    @Test
    void restoreBringsBackDeletedAndChangedRows() throws Exception {
        ImmichDatabase db = fresh().create();
        PgBackupResult backup = backUp(db);
        pg.execute(db.name(),
                "DELETE FROM smart_search WHERE \"assetId\" IN (SELECT \"assetId\" FROM smart_search ORDER BY \"assetId\" LIMIT 150)",
                "UPDATE face_search SET embedding = (SELECT array_agg(0.5::real) FROM generate_series(1, 512))::real[]"
                        + " WHERE \"faceId\" IN (SELECT \"faceId\" FROM face_search ORDER BY \"faceId\" LIMIT 40)");
        assertEquals(ROWS - 150, checksum(pg, db.name(), "smart_search").rows());
        assertFalse(checksum(pg, db.name(), "face_search").sameContent(backup.table("face_search").orElseThrow()));

        RestoreResult r = restore(db, backup);

        assertTrue(r.committed(), r.message());
        for (String table : List.of("smart_search", "face_search")) {
            assertSameContent(backup.table(table).orElseThrow(), checksum(pg, db.name(), table));
        }
        RestoredTable smart = r.tables().get(0);
        assertEquals(ROWS - 150, smart.before().rows());
        assertEquals(ROWS, smart.after().rows());
        assertTrue(smart.matches());
        assertEquals("vectors.vector(768)", smart.typeAfter(), "same type as before, nothing converted");
        assertEquals(List.of(), smart.indexesDropped());
        assertEquals(1, pg.queryColumn(db.name(), "SELECT indexname FROM pg_indexes WHERE indexname = 'clip_index'").size());
        assertTrue(r.message().contains("Restored 2 tables (" + 2 * ROWS + " rows)"), r.message());
    }

    @Test
    void restoreAfterTheColumnsWereConvertedToRealArrayBringsBackTheOriginalType() throws Exception {
        // clip_index without options, so this stand-in can build it again; face_index as Immich writes it.
        ImmichDatabase db = fresh().withoutIndexes().create();
        pg.execute(db.name(), "CREATE INDEX clip_index ON smart_search USING vectors (embedding vectors.vector_cos_ops)",
                "CREATE INDEX face_index ON face_search USING vectors (embedding vectors.vector_cos_ops)",
                "UPDATE pg_catalog.pg_class SET reloptions = ARRAY['options=[indexing.hnsw]\nm = 16\n'] WHERE relname = 'face_index'");
        String smartType = columnType(pg, db.name(), "smart_search");
        PgBackupResult backup = backUp(db);
        // Phase 1 of the migration (immich.md §6): indexes dropped, columns converted to real[].
        pg.execute(db.name(), "DROP INDEX clip_index", "DROP INDEX face_index",
                "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[]",
                "ALTER TABLE face_search ALTER COLUMN embedding SET DATA TYPE real[]",
                "DELETE FROM face_search WHERE \"faceId\" IN (SELECT \"faceId\" FROM face_search ORDER BY \"faceId\" LIMIT 3)");
        assertEquals("real[]", columnType(pg, db.name(), "smart_search"));

        RestoreResult r = restore(db, backup);

        assertTrue(r.committed(), r.message());
        assertEquals(smartType, columnType(pg, db.name(), "smart_search"));
        assertEquals("vectors.vector 768", pg.queryValue(db.name(), "SELECT t.typnamespace::regnamespace || '.' || t.typname"
                + " || ' ' || a.atttypmod FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " WHERE a.attrelid = 'smart_search'::regclass AND a.attname = 'embedding'"), "pgvecto.rs's type, not pgvector's");
        assertEquals("e", pg.queryValue(db.name(), "SELECT attstorage FROM pg_attribute WHERE attrelid = 'smart_search'::regclass"
                + " AND attname = 'embedding'"), "storage EXTERNAL as Immich sets it");
        for (String table : List.of("smart_search", "face_search")) {
            assertSameContent(backup.table(table).orElseThrow(), checksum(pg, db.name(), table));
        }
        assertEquals("real[]", r.tables().get(0).typeBefore());
        assertEquals(List.of("clip_index"), r.tables().get(0).indexesRecreated());
        assertEquals(List.of("clip_index"), pg.queryColumn(db.name(), "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE '%_index'"));
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("face_index could not be recreated") && n.contains("Immich rebuilds")),
                r.notes().toString());
    }

    @Test
    void restoreRollsBackWhenTheChecksumWouldNotMatch() throws Exception {
        ImmichDatabase db = fresh().create();
        PgBackupResult backup = backUp(db);
        // Something in the database changes rows as they are written (here a trigger drops one):
        // the restored table would not equal the backup, so nothing may be kept.
        pg.execute(db.name(), "DELETE FROM smart_search WHERE \"assetId\" = md5('asset-7')::uuid",
                "CREATE FUNCTION skip_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF NEW.\"faceId\" = md5('face-5')::uuid THEN RETURN NULL; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER skip_one BEFORE INSERT ON face_search FOR EACH ROW EXECUTE FUNCTION skip_one()");
        TableSnapshot smartBefore = checksum(pg, db.name(), "smart_search");
        TableSnapshot faceBefore = checksum(pg, db.name(), "face_search");

        RestoreResult r = restore(db, backup);

        assertFalse(r.committed());
        assertTrue(r.message().contains("face_search would hold " + (ROWS - 1) + " rows"), r.message());
        assertTrue(r.message().contains("rolled back"), r.message());
        assertSameContent(smartBefore, checksum(pg, db.name(), "smart_search"));
        assertSameContent(faceBefore, checksum(pg, db.name(), "face_search"));
        assertEquals(ROWS - 1, smartBefore.rows(), "the row deleted before stays deleted: nothing was committed");
    }

    @Test
    void aPhotoDeletedSinceTheBackupIsSaidPlainlyAndNothingChanges() throws Exception {
        ImmichDatabase db = fresh().create();
        PgBackupResult backup = backUp(db);
        // Deleting the photo cascades to its embedding: the backup's row has nothing to belong to.
        pg.execute(db.name(), "DELETE FROM " + db.assetTable() + " WHERE id = md5('asset-3')::uuid");
        TableSnapshot smartBefore = checksum(pg, db.name(), "smart_search");
        assertEquals(ROWS - 1, smartBefore.rows());

        RestoreFailedException e = assertThrows(RestoreFailedException.class, () -> restore(db, backup));
        assertTrue(e.getMessage().startsWith("The backup holds embeddings of photos or faces deleted since it was made"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the database is as it was"), e.getMessage());
        assertSameContent(smartBefore, checksum(pg, db.name(), "smart_search"));
    }

    @Test
    void restoreRefusesAChangedBackupFileAndChangesNothing() throws Exception {
        ImmichDatabase db = fresh().rows(1200).create();
        PgBackupResult backup = backUp(db);
        pg.execute(db.name(), "DELETE FROM face_search WHERE \"faceId\" = md5('face-9')::uuid");
        TableSnapshot faceBefore = checksum(pg, db.name(), "face_search");
        Path smart = backup.dataFile("smart_search");
        byte[] bytes = Files.readAllBytes(smart);
        bytes[bytes.length / 3] ^= 0x10;
        Files.write(smart, bytes);

        RestoreFailedException e = assertThrows(RestoreFailedException.class, () -> restore(db, backup));
        assertTrue(e.getMessage().contains("rolled back") || e.getMessage().contains("nothing was changed"), e.getMessage());
        assertSameContent(faceBefore, checksum(pg, db.name(), "face_search"));
        assertNotEquals(backup.table("face_search").orElseThrow().rows(), faceBefore.rows());
    }

    @Test
    void previewSaysWhatTheRestoreWillDo() throws Exception {
        ImmichDatabase db = fresh().rows(1000).create();
        PgBackupResult backup = backUp(db);
        pg.execute(db.name(), "DROP INDEX clip_index", "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[]");
        List<String> steps;
        try (PgSession s = session(db)) {
            steps = new VectorTableRestore().preview(s, backup);
        }
        assertTrue(steps.contains("smart_search: change column embedding from real[] back to vectors.vector(768)"
                + " (its vector indexes are dropped first)."), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("face_search: replace its rows by the backup's 1000 rows")), steps.toString());
        assertEquals("real[]", columnType(pg, db.name(), "smart_search"), "the preview changed nothing");
        assertTrue(steps.stream().noneMatch(s -> s.startsWith("Note: this backup was taken from")), steps.toString());

        ImmichDatabase other = fresh().rows(10).create();
        try (PgSession s = session(other)) {
            steps = new VectorTableRestore().preview(s, backup);
        }
        assertEquals("Note: this backup was taken from " + pg.postgresUrl("postgres", db.name())
                + "; it is restored into " + pg.postgresUrl("postgres", other.name()) + ".", steps.get(0));
    }
}
