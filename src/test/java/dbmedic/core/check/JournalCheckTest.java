package dbmedic.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.sqlite.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCheckTest {
    @TempDir
    Path dir;
    @TempDir
    Path work;

    @Test
    void aCleanlyClosedDatabaseHasNoJournalFindings() throws Exception {
        Path db = TestDatabases.create(dir.resolve("a.db"), "PRAGMA journal_mode=WAL", "CREATE TABLE t(a)");
        assertEquals(List.of(), CheckHarness.run(new JournalCheck(), db, null));
    }

    @Test
    void aWalWithCommitsIsInfoAndAnShmMeansTheAppMayBeRunning() throws Exception {
        Path source = work.resolve("src.db");
        Path db = dir.resolve("app.db");
        try (Connection c = TestDatabases.open(source); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE t(a)");
            st.execute("INSERT INTO t VALUES (1)");
            Files.copy(source, db);
            Files.copy(work.resolve("src.db-wal"), dir.resolve("app.db-wal"));
            Files.copy(work.resolve("src.db-shm"), dir.resolve("app.db-shm"));
        }
        long walSize = Files.size(dir.resolve("app.db-wal"));
        List<Finding> f = CheckHarness.run(new JournalCheck(), db, null);
        assertEquals(List.of("sqlite.wal-pending", "sqlite.app-may-be-running"), f.stream().map(Finding::id).toList());
        Finding wal = f.get(0);
        assertEquals(Severity.INFO, wal.severity());
        assertEquals("app.db-wal", wal.subject());
        assertTrue(wal.evidence().startsWith("app.db-wal is " + walSize + " bytes (about 3 pages of changes)"), wal.evidence());
        assertTrue(wal.evidence().contains("temporary copy"), wal.evidence());
        assertTrue(wal.fix().summary().contains("Never delete"));
        assertEquals(Severity.WARNING, f.get(1).severity());
        assertEquals("app.db-shm", f.get(1).subject());
    }

    @Test
    void aHotJournalIsAWarningButAPersistedEmptyOneIsNot() throws Exception {
        Path source = work.resolve("src.db");
        Path db = dir.resolve("hot.db");
        try (Connection c = TestDatabases.open(source); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t(a)");
            st.execute("PRAGMA cache_size=1");
            c.setAutoCommit(false);
            for (int i = 0; i < 500; i++) {
                st.execute("INSERT INTO t VALUES (randomblob(300))");
            }
            Files.copy(source, db);
            Files.copy(work.resolve("src.db-journal"), dir.resolve("hot.db-journal"));
            c.rollback();
        }
        List<Finding> f = CheckHarness.run(new JournalCheck(), db, null);
        assertEquals(List.of("sqlite.hot-journal"), f.stream().map(Finding::id).toList());
        assertEquals("hot.db-journal", f.get(0).subject());

        Files.write(dir.resolve("hot.db-journal"), new byte[512]); // zeroed header: journal_mode=PERSIST leftover
        assertEquals(List.of(), CheckHarness.run(new JournalCheck(), db, null));
    }
}
