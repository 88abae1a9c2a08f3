package dbmedic.core.postgres.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checksum follows the values, not the column type: what a lossless conversion must keep. */
class TableChecksumsTest {
    private static PgServer pg;
    private static ImmichDatabase db;

    @BeforeAll
    static void start() {
        pg = PgServer.start(14);
        db = ImmichDatabase.on(pg).name("checksums").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .clipDimension(768).rows(1500).create();
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void sameValuesUnderAnotherTypeGiveTheSameChecksumAndOneChangedValueDoesNot() throws Exception {
        try (Connection c = pg.superuserConnection("checksums")) {
            TableSnapshot before = TableChecksums.of(c, "smart_search", "assetId", null);
            assertEquals(1500, before.rows());
            assertEquals("vectors.vector(768)", before.columnType());
            assertEquals(64, before.sha256().length());

            pg.execute("checksums", "DROP INDEX IF EXISTS clip_index",
                    "ALTER TABLE smart_search ALTER COLUMN embedding SET DATA TYPE real[]");
            TableSnapshot asArray = TableChecksums.of(c, "smart_search", "assetId", null);
            assertEquals("real[]", asArray.columnType());
            assertTrue(before.sameContent(asArray), "a type change alone keeps the content checksum");

            pg.execute("checksums", "UPDATE smart_search SET embedding[1] = embedding[1] + 0.5 "
                    + "WHERE \"assetId\" = (SELECT min(\"assetId\"::text)::uuid FROM smart_search)");
            TableSnapshot changed = TableChecksums.of(c, "smart_search", "assetId", null);
            assertEquals(1500, changed.rows());
            assertFalse(before.sameContent(changed), "one changed value changes the checksum");
        }
    }

    @Test
    void countsEveryRowOfTheFaceTable() throws Exception {
        try (Connection c = pg.superuserConnection("checksums")) {
            TableSnapshot faces = TableChecksums.of(c, "face_search", "faceId", null);
            assertEquals(Long.parseLong(pg.queryValue("checksums", "SELECT count(*) FROM face_search")), faces.rows());
        }
    }
}
