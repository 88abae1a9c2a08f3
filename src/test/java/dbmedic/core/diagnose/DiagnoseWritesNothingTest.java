package dbmedic.core.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.sqlite.TestDatabases;
import dbmedic.core.target.TargetResolver;
import dbmedic.core.task.Progress;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnosis never writes: the SHA-256 of the database, its -wal and every other file in its
 * folder, and the folder's listing, are the same before and after.
 */
class DiagnoseWritesNothingTest {
    @TempDir
    Path dir;

    private Map<String, String> diagnoseAndCompare(Function<Path, Path> fixture, boolean readOnlyFolder) throws Exception {
        Path db = fixture.apply(dir);
        Path folder = db.getParent();
        Map<String, String> before = TestDatabases.fingerprint(folder);
        if (readOnlyFolder) {
            assertTrue(folder.toFile().setWritable(false, false));
        }
        try {
            new Diagnoser(PackRegistry.load()).diagnose(TargetResolver.resolve(db.toString()),
                    new DiagnoseOptions(null, true), Progress.NONE);
        } finally {
            folder.toFile().setWritable(true, false);
        }
        assertEquals(before, TestDatabases.fingerprint(folder));
        return before;
    }

    @Test
    void aPlainDatabase() throws Exception {
        assertEquals(1, diagnoseAndCompare(SqliteFixtures::invokeAiMissingDestination, false).size());
    }

    @Test
    void aWalModeGpuStackDatabase() throws Exception {
        diagnoseAndCompare(p -> SqliteFixtures.gpuStackMissingResolvedPath(p), false);
    }

    @Test
    void aDatabaseWithWalOnlyCommits() throws Exception {
        Map<String, String> files = diagnoseAndCompare(SqliteFixtures::walWithUncheckpointedRows, false);
        assertTrue(files.containsKey("invokeai.db-wal"));
    }

    @Test
    void aDatabaseLeftOpenByTheApp() throws Exception {
        Map<String, String> files = diagnoseAndCompare(SqliteFixtures::walWithShm, false);
        assertTrue(files.containsKey("invokeai.db-shm"));
    }

    @Test
    void aDatabaseWithAHotJournal() throws Exception {
        Map<String, String> files = diagnoseAndCompare(SqliteFixtures::hotJournal, false);
        assertTrue(files.containsKey("invokeai.db-journal"));
    }

    @Test
    void aReadOnlyFolder() throws Exception {
        diagnoseAndCompare(SqliteFixtures::walWithUncheckpointedRows, true);
    }

    @Test
    void aReadOnlyFolderWithAPlainDatabase() throws Exception {
        diagnoseAndCompare(p -> SqliteFixtures.invokeAiModelsOldForeignKeys(p, 25), true);
    }

    @Test
    void aCorruptDatabase() throws Exception {
        diagnoseAndCompare(SqliteFixtures::corruptPage, false);
    }
}
