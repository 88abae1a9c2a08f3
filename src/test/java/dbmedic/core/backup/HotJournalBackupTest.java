package dbmedic.core.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.target.SqliteTarget;
import dbmedic.core.task.Progress;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database left with a hot -journal is backed up in its recovered state, and its files are left alone. */
class HotJournalBackupTest {
    @TempDir
    Path dir;

    @Test
    void backsUpTheRolledBackStateWithoutTouchingTheOriginal() throws Exception {
        Path db = SqliteFixtures.hotJournal(dir);
        Path journal = db.resolveSibling(db.getFileName() + "-journal");
        byte[] before = Files.readAllBytes(db);
        byte[] journalBefore = Files.readAllBytes(journal);

        BackupResult r = SqliteBackup.backup(new SqliteTarget(db, db, null), dir.resolve("b"), Progress.NONE);

        assertTrue(r.verified());
        assertArrayEquals(before, Files.readAllBytes(db));
        assertArrayEquals(journalBefore, Files.readAllBytes(journal));
        // what SQLite itself would show after its recovery: the same counts as a recovered private copy
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("x.db");
        Files.copy(db, copy);
        Files.copy(journal, copy.resolveSibling("x.db-journal"));
        try (Connection c = SqliteConnections.scratch(copy); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
            assertEquals(TableRowCounts.count(c), r.rowCounts());
        }
    }
}
