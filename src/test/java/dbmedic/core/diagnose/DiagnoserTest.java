package dbmedic.core.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.check.TinyPack;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.AppPack;
import dbmedic.core.knowledge.ExpectedSchema;
import dbmedic.core.sqlite.SqliteOpener;
import dbmedic.core.sqlite.TestDatabases;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Diagnoser's own behaviour, with a tiny test pack: overrides, progress, cancel, unreadable files. */
class DiagnoserTest {
    @TempDir
    Path dir;
    @TempDir
    Path temp;

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final List<AppPack> packs = List.of(new TinyPack(2, Map.of(2, new ExpectedSchema("2", Map.of(), List.of(), List.of()))));

    private Diagnoser diagnoser() {
        return new Diagnoser(() -> packs, new SqliteOpener(temp), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SqliteTarget target(Path db) {
        return new SqliteTarget(db, db, null);
    }

    private Path tinyDb() {
        return TestDatabases.create(dir.resolve("tiny.db"), TinyPack.VERSION_TABLE_DDL, TinyPack.recordVersion(2),
                "CREATE TABLE t(a)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                        + " INSERT INTO t SELECT randomblob(50) FROM n");
    }

    @Test
    void aDiagnosisNamesTheAppTheTargetAndTheTime() throws Exception {
        Path db = tinyDb();
        Diagnosis d = diagnoser().diagnose(target(db), DiagnoseOptions.DEFAULT, Progress.NONE);
        assertEquals(new AppIdentity("tiny", "Tiny-tiny", "2", "t2", true), d.app());
        assertEquals(target(db), d.target());
        assertEquals(NOW, d.at());
        assertFalse(d.hasProblems());
        assertEquals(List.of("app.recognised", "sqlite.integrity", "sqlite.foreign-keys"),
                d.findings().stream().map(Finding::id).toList());
    }

    @Test
    void progressNamesEachStepAndEndsAtTheTotal() throws Exception {
        List<String> messages = new ArrayList<>();
        long[] last = new long[2];
        Progress p = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                messages.add(message);
                last[0] = done;
                last[1] = total;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        diagnoser().diagnose(target(tinyDb()), null, p);
        assertTrue(messages.contains("Checking the file's integrity"), messages.toString());
        assertTrue(messages.contains("Checking foreign keys"), messages.toString());
        assertEquals(last[1], last[0]);
        assertTrue(last[1] > 0);
    }

    @Test
    void anUnknownOverrideListsTheKnownApps() {
        UnusableInputException e = assertThrows(UnusableInputException.class,
                () -> diagnoser().diagnose(target(tinyDb()), new DiagnoseOptions("immich", false), Progress.NONE));
        assertEquals("Unknown app 'immich'. Known apps: tiny.", e.getMessage());
    }

    @Test
    void cancellingStopsTheDiagnosisAndDeletesTheSnapshot() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path source = work.resolve("src.db");
        Path db = dir.resolve("wal.db");
        try (Connection c = TestDatabases.open(source); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute(TinyPack.VERSION_TABLE_DDL);
            st.execute(TinyPack.recordVersion(2));
            Files.copy(source, db);
            Files.copy(work.resolve("src.db-wal"), dir.resolve("wal.db-wal"));
        }
        Progress cancelAtIntegrity = new Progress() {
            private boolean cancelled;

            @Override
            public void update(long done, long total, String message) {
                cancelled |= message.equals("Checking the file's integrity");
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        assertThrows(CancelledException.class,
                () -> diagnoser().diagnose(target(db), DiagnoseOptions.DEFAULT, cancelAtIntegrity));
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(0, left.count(), "the snapshot copy is deleted");
        }
    }

    @Test
    void aDamagedSchemaPageIsAFindingNotUnusableInput() throws Exception {
        Path db = tinyDb();
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            raf.seek(100); // page 1's b-tree header, right after the file header: sqlite_schema's root
            raf.write(new byte[] {(byte) 0xa5, (byte) 0xa5, (byte) 0xa5, (byte) 0xa5, (byte) 0xa5, (byte) 0xa5});
        }
        Diagnosis d = diagnoser().diagnose(target(db), DiagnoseOptions.DEFAULT, Progress.NONE);
        assertEquals(AppIdentity.UNKNOWN, d.app());
        Finding f = d.findings().get(0);
        assertEquals("sqlite.integrity", f.id());
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.evidence().startsWith("Reading the schema (sqlite_schema) failed"), f.evidence());
    }

    @Test
    void aHeaderSqliteRejectsIsUnusableInOneLine() throws Exception {
        Path db = tinyDb();
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            raf.seek(21); // maximum embedded payload fraction: must be 64
            raf.write(7);
        }
        UnusableInputException e = assertThrows(UnusableInputException.class,
                () -> diagnoser().diagnose(target(db), DiagnoseOptions.DEFAULT, Progress.NONE));
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(db + " cannot be read by SQLite: file is not a database", e.getMessage());
    }
}
