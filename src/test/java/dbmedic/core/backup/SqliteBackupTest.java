package dbmedic.core.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteBackupTest {
    @TempDir
    Path dir;

    /** A WAL database whose last commits live only in -wal (copied while the writer is open). */
    private Path walOnlyDatabase() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live"));
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("invokeai.db"));
             Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("CREATE TABLE images (id INTEGER PRIMARY KEY, name TEXT)");
            st.execute("INSERT INTO images (name) VALUES ('a'), ('b')");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("INSERT INTO images (name) VALUES ('wal-only-1'), ('wal-only-2'), ('wal-only-3')");
            st.execute("CREATE TABLE boards (id TEXT)");
            st.execute("INSERT INTO boards VALUES ('in wal')");
            Files.copy(live.resolve("invokeai.db"), copy.resolve("invokeai.db"));
            Files.copy(live.resolve("invokeai.db-wal"), copy.resolve("invokeai.db-wal"));
        }
        return copy.resolve("invokeai.db");
    }

    @Test
    void backupOfAWalDatabaseHoldsTheWalOnlyRowsAndLeavesDbAndWalUntouched() throws Exception {
        Path db = walOnlyDatabase();
        Path wal = db.resolveSibling("invokeai.db-wal");
        byte[] dbBefore = Files.readAllBytes(db);
        byte[] walBefore = Files.readAllBytes(wal);
        try (Connection c = SqliteConnections.immutable(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'boards'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the main file alone lacks the WAL-only table");
        }

        BackupResult r = SqliteBackup.backup(new SqliteTarget(db, db, "invokeai"), null, Progress.NONE);

        assertTrue(r.verified());
        assertEquals("ok", r.integrity());
        assertEquals(Map.of("images", 5L, "boards", 1L), r.rowCounts());
        assertArrayEquals(dbBefore, Files.readAllBytes(db));
        assertArrayEquals(walBefore, Files.readAllBytes(wal));
        assertTrue(r.file().getFileName().toString().matches("invokeai_dbmedic_\\d{8}-\\d{6}\\.db"));
        assertEquals(db.getParent(), r.file().getParent());
        assertEquals(FileHash.sha256(r.file()), r.sha256());
        try (Connection c = SqliteConnections.immutable(r.file()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT group_concat(name) FROM images")) {
            rs.next();
            assertEquals("a,b,wal-only-1,wal-only-2,wal-only-3", rs.getString(1));
        }
        assertEquals(List.of(), leftovers(db.getParent()), "no partial or side files left");

        BackupManifest m = BackupManifest.read(r.manifest());
        assertEquals(db.toAbsolutePath().toString(), m.source());
        assertEquals(r.sha256(), m.sha256());
        assertEquals(r.rowCounts(), m.rowCounts());
        assertEquals(Files.size(wal), m.sourceWalBytes());
        assertTrue(m.fileMatches(r.manifest()));
        BackupResult again = SqliteBackup.fromManifest(r.manifest());
        assertTrue(again.verified());
        assertEquals(r.file(), again.file());
    }

    @Test
    void aTamperedBackupNoLongerVerifies() throws Exception {
        Path db = dir.resolve("database.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (a)");
            st.execute("INSERT INTO t VALUES (1)");
        }
        BackupResult r = SqliteBackup.backup(new SqliteTarget(db, db, null), dir.resolve("new/backups"), Progress.NONE);
        assertEquals(dir.resolve("new/backups"), r.file().getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + r.file()); Statement st = c.createStatement()) {
            st.execute("INSERT INTO t VALUES (2)");
        }
        assertFalse(BackupManifest.read(r.manifest()).fileMatches(r.manifest()));
        assertFalse(SqliteBackup.fromManifest(r.manifest()).verified());
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path db = dir.resolve("database.db");
        LocalDateTime when = LocalDateTime.of(2026, 11, 21, 15, 4, 5);
        Path first = BackupNames.freeName(dir, db, when);
        assertEquals("database_dbmedic_20261121-150405.db", first.getFileName().toString());
        Files.writeString(first, "someone's file");
        Path second = BackupNames.freeName(dir, db, when);
        assertEquals("database_dbmedic_20261121-150405-1.db", second.getFileName().toString());
        Files.writeString(BackupManifest.pathFor(second), "{}");
        assertEquals("database_dbmedic_20261121-150405-2.db", BackupNames.freeName(dir, db, when).getFileName().toString());
    }

    @Test
    void aMissingDatabaseOrANotDatabaseFails() throws Exception {
        Path missing = dir.resolve("missing.db");
        BackupFailedException e = assertThrows(BackupFailedException.class,
                () -> SqliteBackup.backup(new SqliteTarget(missing, missing, null), null, Progress.NONE));
        assertTrue(e.getMessage().contains("does not exist"));
        assertFalse(Files.exists(missing));
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not a database, just text that is long enough to have a header......");
        assertThrows(BackupFailedException.class,
                () -> SqliteBackup.backup(new SqliteTarget(junk, junk, null), null, Progress.NONE));
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of("junk.db"), all.map(p -> p.getFileName().toString()).toList(),
                    "a failed backup leaves no copy, manifest or partial file");
        }
    }

    @Test
    void cancelDeletesThePartialCopy() throws Exception {
        Path db = dir.resolve("database.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (a)");
        }
        Progress cancelling = new Progress() {
            boolean copying;

            @Override
            public void update(long done, long total, String message) {
                copying |= message.startsWith("Copying");
            }

            @Override
            public boolean isCancelled() {
                return copying;
            }
        };
        assertThrows(CancelledException.class,
                () -> SqliteBackup.backup(new SqliteTarget(db, db, null), null, cancelling));
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of("database.db"), all.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static List<String> leftovers(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".manifest.json") && !n.matches(".*_dbmedic_\\d{8}-\\d{6}\\.db"))
                    .filter(n -> !n.startsWith("invokeai.db"))
                    .sorted().toList();
        }
    }
}
