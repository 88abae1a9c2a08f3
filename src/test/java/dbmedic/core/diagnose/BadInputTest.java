package dbmedic.core.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.target.TargetResolver;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.Progress;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user might point DB Medic at by mistake: one plain line, never a stack trace or an SQLite code. */
class BadInputTest {
    @TempDir
    Path dir;

    private static String refused(Path spec) {
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> new Diagnoser(PackRegistry.load())
                .diagnose(TargetResolver.resolve(spec.toString()), DiagnoseOptions.DEFAULT, Progress.NONE));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertFalse(e.getMessage().contains("SQLITE_"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aMissingPath() {
        assertEquals("No such file or folder: " + dir.resolve("gone"), refused(dir.resolve("gone")));
    }

    @Test
    void anEmptyFile() {
        Path f = SqliteFixtures.emptyFile(dir);
        assertEquals(f.toAbsolutePath() + " is an empty file (0 bytes), not a SQLite database", refused(f));
    }

    @Test
    void randomBytes() {
        assertTrue(refused(SqliteFixtures.randomBytes(dir)).contains("is not a SQLite database: it holds unrecognised binary data"));
    }

    @Test
    void aTruncatedFile() {
        assertTrue(refused(SqliteFixtures.truncated(dir)).contains("is truncated"));
    }

    @Test
    void aTextFileNamedDb() {
        String m = refused(SqliteFixtures.textFileNamedDb(dir));
        assertTrue(m.endsWith("is not a SQLite database: it is a text file (it starts with \"This is not a database.\")"), m);
    }

    @Test
    void aFolderWithoutADatabase() throws Exception {
        Files.createDirectories(dir.resolve("photos"));
        assertTrue(refused(dir.resolve("photos")).endsWith("is a folder but holds no database (looked for"
                + " databases/invokeai.db, invokeai.db, database.db)"));
    }

    @Test
    void aVirtualTableFromAnExtensionThisSqliteLacksIsNoReasonToRefuse() throws Exception {
        Path db = dbmedic.core.sqlite.TestDatabases.create(dir.resolve("vec.db"), "CREATE TABLE t(a)",
                "CREATE VIRTUAL TABLE v USING fts5(x)", "PRAGMA writable_schema = ON",
                "UPDATE sqlite_master SET sql = replace(sql, 'fts5', 'vec0') WHERE name = 'v'");
        Diagnosis d = new Diagnoser(PackRegistry.load()).diagnose(TargetResolver.resolve(db.toString()),
                DiagnoseOptions.DEFAULT, Progress.NONE);
        assertEquals(List.of("app.not-recognised", "sqlite.integrity", "sqlite.foreign-keys"),
                d.findings().stream().map(f -> f.id()).toList());
    }

    @Test
    void pathsWithSpacesAndUnicodeAreDiagnosedNormally() throws Exception {
        Path root = dir.resolve("Invoke AI – données #2 " + dbmedic.core.sqlite.TestDatabases.QMARK);
        Path db = SqliteFixtures.invokeAiMissingDestination(root);
        Diagnosis d = new Diagnoser(PackRegistry.load()).diagnose(TargetResolver.resolve(root.toString()),
                DiagnoseOptions.DEFAULT, Progress.NONE);
        assertEquals("invokeai", d.app().id());
        assertEquals(db.toAbsolutePath(), ((dbmedic.core.target.SqliteTarget) d.target()).database());
        assertTrue(d.hasProblems());
    }
}
