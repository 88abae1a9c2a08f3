package dbmedic.core.postgres.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cheap proof that a table still holds what a backup copied: it must hold for an untouched
 * (even frozen) table, and prove nothing after any insert, update or delete, for another
 * table, or for another cluster.
 */
class BackupOriginTest {
    private static PgServer pg;
    private static int databases;

    @BeforeAll
    static void start() {
        pg = PgServer.start(17);
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private record Backup(BackupOrigin origin, TableSnapshot smart, TableSnapshot face) {
    }

    private static ImmichDatabase fresh() {
        return ImmichDatabase.on(pg).name("origin_" + (++databases)).extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .rows(400).create();
    }

    /** Read as ImmichBackup reads it: one REPEATABLE READ transaction for the checksums and the origin. */
    private static Backup backUp(ImmichDatabase db) throws Exception {
        try (Connection c = pg.superuserConnection(db.name())) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            TableSnapshot smart = TableChecksums.of(c, "smart_search", "assetId", Progress.NONE);
            TableSnapshot face = TableChecksums.of(c, "face_search", "faceId", Progress.NONE);
            BackupOrigin origin = BackupOrigin.read(c, List.of("smart_search", "face_search"));
            c.commit();
            return new Backup(origin, smart, face);
        }
    }

    private static boolean proves(ImmichDatabase db, BackupOrigin origin, TableSnapshot then) throws Exception {
        try (Connection c = pg.superuserConnection(db.name())) {
            return origin.provesUnchanged(c, then);
        }
    }

    @Test
    void anUntouchedTableIsProvenAndOnlyThatTable() throws Exception {
        ImmichDatabase db = fresh();
        Backup b = backUp(db);
        assertNotNull(b.origin().systemIdentifier(), "a superuser may read pg_control_system()");
        assertEquals(2, b.origin().tableOids().size());
        assertTrue(proves(db, b.origin(), b.smart()));
        assertTrue(proves(db, b.origin(), b.face()));
        // The count must match the backup's too.
        TableSnapshot fewer = new TableSnapshot("smart_search", "assetId", b.smart().columnType(), b.smart().rows() - 1,
                b.smart().sha256());
        assertFalse(proves(db, b.origin(), fewer));
    }

    @Test
    void frozenRowsAreStillOld() throws Exception {
        ImmichDatabase db = fresh();
        Backup b = backUp(db);
        pg.execute(db.name(), "VACUUM (FREEZE) smart_search");
        assertTrue(proves(db, b.origin(), b.smart()));
    }

    @Test
    void anUpdateADeleteOrAReplacedRowProveNothing() throws Exception {
        ImmichDatabase db = fresh();
        Backup b = backUp(db);
        pg.execute(db.name(), "UPDATE smart_search SET embedding = embedding WHERE \"assetId\" = (SELECT \"assetId\" FROM smart_search ORDER BY 1 LIMIT 1)");
        assertFalse(proves(db, b.origin(), b.smart()), "an update writes a new row version, even with the same value");
        assertTrue(proves(db, b.origin(), b.face()), "the other table is untouched");

        pg.execute(db.name(), "DELETE FROM face_search WHERE \"faceId\" = (SELECT \"faceId\" FROM face_search ORDER BY 1 LIMIT 1)");
        assertFalse(proves(db, b.origin(), b.face()));

        ImmichDatabase other = fresh();
        Backup o = backUp(other);
        // Delete one row and insert another: the count is the same, the new row is newer.
        pg.execute(other.name(), "CREATE TEMP TABLE one AS SELECT * FROM face_search LIMIT 1; "
                + "DELETE FROM face_search WHERE \"faceId\" IN (SELECT \"faceId\" FROM one); "
                + "INSERT INTO face_search SELECT * FROM one");
        assertEquals(Long.toString(o.face().rows()), pg.queryValue(other.name(), "SELECT count(*) FROM face_search"));
        assertFalse(proves(other, o.origin(), o.face()));
    }

    @Test
    void anotherClusterOrARecreatedTableProvesNothing() throws Exception {
        ImmichDatabase db = fresh();
        Backup b = backUp(db);
        BackupOrigin elsewhere = new BackupOrigin("6999999999999999999", b.origin().snapshotXmin(), b.origin().tableOids());
        assertFalse(proves(db, elsewhere, b.smart()));
        BackupOrigin unknown = new BackupOrigin(null, b.origin().snapshotXmin(), b.origin().tableOids());
        assertFalse(proves(db, unknown, b.smart()), "without the identifier nothing is proven");

        pg.execute(db.name(), "CREATE TABLE smart_copy AS SELECT * FROM smart_search",
                "DROP TABLE smart_search CASCADE", "ALTER TABLE smart_copy RENAME TO smart_search");
        assertFalse(proves(db, b.origin(), b.smart()), "a recreated table has another oid");
        BackupOrigin noTable = new BackupOrigin(b.origin().systemIdentifier(), b.origin().snapshotXmin(), Map.of());
        assertFalse(proves(db, noTable, b.face()));
    }
}
