package dbmedic.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.target.SqliteTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opener must not write a byte: same hashes, same folder listing, before and after. */
class SqliteOpenerTest {
    @TempDir
    Path dir;
    @TempDir
    Path temp;

    private SqliteOpener opener() {
        return new SqliteOpener(temp);
    }

    private static SqliteTarget target(Path db) {
        return new SqliteTarget(db, db, null);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A WAL database whose last commits are only in its -wal: files copied while the writer is open. */
    private Path walPending(Path folder) throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        Path source = work.resolve("src.db");
        Path db = folder.resolve("app.db");
        Files.createDirectories(folder);
        try (Connection c = TestDatabases.open(source); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE t(a)");
            st.execute("INSERT INTO t VALUES (1)");
            st.execute("CREATE TABLE only_in_wal(x)");
            st.execute("INSERT INTO only_in_wal VALUES (42)");
            Files.copy(source, db);
            Files.copy(work.resolve("src.db-wal"), folder.resolve("app.db-wal"));
        }
        return db;
    }

    @Test
    void aPlainDatabaseIsOpenedInPlaceWithoutCreatingFiles() throws Exception {
        Path db = TestDatabases.create(dir.resolve("plain.db"), "CREATE TABLE t(a)", "INSERT INTO t VALUES (1),(2)");
        Map<String, String> before = TestDatabases.fingerprint(dir);
        try (ReadOnlyDatabase open = opener().openForDiagnosis(target(db))) {
            assertFalse(open.isSnapshot());
            assertEquals(2, count(open.connection(), "SELECT count(*) FROM t"));
            assertThrows(SQLException.class, () -> open.connection().createStatement().execute("INSERT INTO t VALUES (3)"));
            assertEquals(before, TestDatabases.fingerprint(dir));
        }
        assertEquals(before, TestDatabases.fingerprint(dir));
    }

    @Test
    void aWalModeDatabaseWithoutWalIsReadWithoutCreatingShmOrWal() throws Exception {
        Path db = TestDatabases.create(dir.resolve("walmode.db"), "PRAGMA journal_mode=WAL", "CREATE TABLE t(a)",
                "INSERT INTO t VALUES (1)");
        assertTrue(SqliteFileProbe.probe(db).walMode());
        Map<String, String> before = TestDatabases.fingerprint(dir);
        assertEquals(Set.of("walmode.db"), before.keySet());
        try (ReadOnlyDatabase open = opener().openForDiagnosis(target(db))) {
            assertEquals(1, count(open.connection(), "SELECT count(*) FROM t"));
        }
        assertEquals(before, TestDatabases.fingerprint(dir));
    }

    @Test
    void walOnlyCommitsAreSeenAndNothingChanges() throws Exception {
        Path db = walPending(dir);
        Map<String, String> before = TestDatabases.fingerprint(dir);
        assertEquals(Set.of("app.db", "app.db-wal"), before.keySet());
        try (ReadOnlyDatabase open = opener().openForDiagnosis(target(db))) {
            assertTrue(open.isSnapshot());
            assertEquals(42, count(open.connection(), "SELECT x FROM only_in_wal"));
            assertThrows(SQLException.class, () -> open.connection().createStatement().execute("INSERT INTO t VALUES (3)"));
            assertEquals(before, TestDatabases.fingerprint(dir));
        }
        assertEquals(before, TestDatabases.fingerprint(dir));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(Set.of("work"), left.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()),
                    "the snapshot copy is deleted on close");
        }
    }

    @Test
    void theFixturesWalOnlyBoardIsVisible() throws Exception {
        Path db = dbmedic.fixtures.SqliteFixtures.walWithUncheckpointedRows(dir);
        Map<String, String> before = TestDatabases.fingerprint(db.getParent());
        try (ReadOnlyDatabase open = opener().openForDiagnosis(target(db));
             java.sql.PreparedStatement ps = open.connection().prepareStatement("SELECT count(*) FROM boards WHERE board_id = ?")) {
            ps.setString(1, dbmedic.fixtures.SqliteFixtures.WAL_BOARD_ID);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
        assertEquals(before, TestDatabases.fingerprint(db.getParent()));
    }

    @Test
    void aReadOnlyFolderStaysUntouched() throws Exception {
        Path folder = dir.resolve("ro");
        Path db = walPending(folder);
        Path plain = TestDatabases.create(folder.resolve("plain.db"), "CREATE TABLE t(a)");
        Map<String, String> before = TestDatabases.fingerprint(folder);
        assertTrue(folder.toFile().setWritable(false, false));
        try {
            for (Path file : new Path[] {db, plain}) {
                try (ReadOnlyDatabase open = opener().openForDiagnosis(target(file))) {
                    assertTrue(count(open.connection(), "SELECT count(*) FROM sqlite_master") > 0);
                }
            }
        } finally {
            folder.toFile().setWritable(true, false);
        }
        assertEquals(before, TestDatabases.fingerprint(folder));
    }

    @Test
    void theAppHoldingTheDatabaseOpenIsNotDisturbed() throws Exception {
        Path db = dir.resolve("live.db");
        try (Connection app = TestDatabases.open(db); Statement st = app.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE t(a)");
            st.execute("INSERT INTO t VALUES (1),(2),(3)");
            Map<String, String> before = TestDatabases.fingerprint(dir);
            assertTrue(before.containsKey("live.db-shm"));
            try (ReadOnlyDatabase open = opener().openForDiagnosis(target(db))) {
                assertEquals(3, count(open.connection(), "SELECT count(*) FROM t"));
            }
            assertEquals(before, TestDatabases.fingerprint(dir));
            st.execute("INSERT INTO t VALUES (4)"); // the app can still write
        }
    }

    @Test
    void aHotJournalIsRolledBackInTheCopyOnly() throws Exception {
        Path work = Files.createDirectories(temp.resolve("hot"));
        Path source = work.resolve("src.db");
        Path db = dir.resolve("hot.db");
        try (Connection c = TestDatabases.open(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(a)");
            st.execute("INSERT INTO t VALUES ('committed')");
            st.execute("PRAGMA cache_size=1"); // spill changed pages to the file before commit
            c.setAutoCommit(false);
            for (int i = 0; i < 2000; i++) {
                st.execute("INSERT INTO t VALUES (randomblob(200))");
            }
            assertTrue(Files.size(work.resolve("src.db-journal")) > 0);
            Files.copy(source, db);
            Files.copy(work.resolve("src.db-journal"), dir.resolve("hot.db-journal"));
            c.rollback();
        }
        Map<String, String> before = TestDatabases.fingerprint(dir);
        try (ReadOnlyDatabase open = opener().openForDiagnosis(target(db))) {
            assertTrue(open.isSnapshot());
            assertEquals(1, count(open.connection(), "SELECT count(*) FROM t"), "the interrupted transaction is rolled back");
        }
        assertEquals(before, TestDatabases.fingerprint(dir));
    }

    @Test
    void pathsWithSpacesHashQuestionMarksPercentAndUnicodeWork() throws Exception {
        Path folder = dir.resolve("my #1 " + TestDatabases.QMARK + "data% 50%20/Ünïcødé 数据");
        Path db = TestDatabases.create(folder.resolve("in vo#ke" + TestDatabases.QMARK + ".db"), "CREATE TABLE t(a)", "INSERT INTO t VALUES (7)");
        Map<String, String> before = TestDatabases.fingerprint(folder);
        try (ReadOnlyDatabase open = opener().openForDiagnosis(target(db))) {
            assertEquals(7, count(open.connection(), "SELECT a FROM t"));
        }
        assertEquals(before, TestDatabases.fingerprint(folder));
        Path walDb = walPending(folder.resolve("wal " + TestDatabases.QMARK + "#"));
        Map<String, String> walBefore = TestDatabases.fingerprint(walDb.getParent());
        try (ReadOnlyDatabase open = opener().openForDiagnosis(target(walDb))) {
            assertEquals(42, count(open.connection(), "SELECT x FROM only_in_wal"));
        }
        assertEquals(walBefore, TestDatabases.fingerprint(walDb.getParent()));
    }

    @Test
    void aSnapshotThatWouldNotFitIsRefusedInOneLineAndLeavesNothing() throws Exception {
        Path db = walPending(dir);
        SqliteOpener fullDisk = new SqliteOpener(temp, folder -> 1000);
        dbmedic.core.target.UnusableInputException e = assertThrows(dbmedic.core.target.UnusableInputException.class,
                () -> fullDisk.openForDiagnosis(target(db)));
        assertTrue(e.getMessage().startsWith("Not enough free space to read " + db + " safely"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(Set.of("work"), left.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void theUriEncodesEveryReservedCharacter() {
        String q = TestDatabases.QMARK;
        String uri = SqliteUris.fileUri(dir.resolve("a b").resolve("c#d" + q + "e%f").resolve("ü.db"), "immutable=1");
        assertTrue(uri.startsWith("file:///") && !uri.startsWith("file:////"), uri);
        assertTrue(uri.endsWith("/a%20b/c%23d" + (q.isEmpty() ? "" : "%3F") + "e%25f/%C3%BC.db?immutable=1"), uri);
    }

}
