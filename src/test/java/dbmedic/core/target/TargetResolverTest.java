package dbmedic.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetResolverTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[] {1});
    }

    private static SqliteTarget resolve(Path p) throws UnusableInputException {
        return (SqliteTarget) TargetResolver.resolve(p.toString());
    }

    private static String refused(String spec) {
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> TargetResolver.resolve(spec));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aFileIsItselfWithAHintFromItsName() throws Exception {
        Path invoke = touch("a/invokeai.db");
        Path gpu = touch("b/database.db");
        Path other = touch("c/other.db");
        assertEquals(new SqliteTarget(invoke, invoke.toAbsolutePath().normalize(), "invokeai"), resolve(invoke));
        assertEquals("gpustack", resolve(gpu).appHint());
        assertNull(resolve(other).appHint());
        assertEquals(other, resolve(other).database());
    }

    @Test
    void anInvokeAiRootResolvesToItsDatabasesFolder() throws Exception {
        Path db = touch("root/databases/invokeai.db");
        touch("root/invokeai.yaml");
        SqliteTarget t = resolve(dir.resolve("root"));
        assertEquals(db, t.database());
        assertEquals(dir.resolve("root"), t.given());
        assertEquals("invokeai", t.appHint());
    }

    @Test
    void theDatabasesFolderItselfWorksToo() throws Exception {
        Path db = touch("root/databases/invokeai.db");
        assertEquals(db, resolve(dir.resolve("root/databases")).database());
    }

    @Test
    void aGpuStackDataFolderResolvesToDatabaseDb() throws Exception {
        Path db = touch("gpustack/database.db");
        SqliteTarget t = resolve(dir.resolve("gpustack"));
        assertEquals(db, t.database());
        assertEquals("gpustack", t.appHint());
    }

    @Test
    void aFolderWithoutADatabaseSaysWhereItLooked() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(dir.resolve("empty") + " is a folder but holds no database (looked for databases/invokeai.db,"
                + " invokeai.db, database.db)", refused(dir.resolve("empty").toString()));
    }

    @Test
    void anInvokeAiRootWithoutItsDatabaseSaysSo() throws Exception {
        touch("root/invokeai.yaml");
        String m = refused(dir.resolve("root").toString());
        assertTrue(m.contains("InvokeAI root") && m.contains("databases/invokeai.db") && m.contains("use_memory_db"), m);
    }

    @Test
    void useMemoryDbMeansThereIsNoFile() throws Exception {
        Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("root/invokeai.yaml"), "schema_version: 4.0.2\nuse_memory_db: true\n");
        assertTrue(refused(dir.resolve("root").toString()).contains("use_memory_db: true"));
    }

    @Test
    void dbDirInInvokeAiYamlIsFollowed() throws Exception {
        Path db = touch("root/my dbs/invokeai.db");
        Files.writeString(dir.resolve("root/invokeai.yaml"), "schema_version: 4.0.2\ndb_dir: \"my dbs\"\n");
        assertEquals(db, resolve(dir.resolve("root")).database());
    }

    @Test
    void missingPathIsNamed() {
        Path p = dir.resolve("nowhere/invokeai.db");
        assertEquals("No such file or folder: " + p, refused(p.toString()));
    }

    @Test
    void postgresIsNotSupportedYet() {
        String m = refused("postgresql://immich:s3cret@localhost:5432/immich");
        assertTrue(m.startsWith("PostgreSQL targets are not supported yet"), m);
        assertFalse(m.contains("s3cret"), "a password in the URL is never echoed");
    }

    @Test
    void blankIsRefused() {
        assertTrue(refused("  ").startsWith("No target given"));
    }

    @Test
    void pathsWithSpacesAndUnicodeResolve() throws Exception {
        String odd = "Mes données #1/" + dbmedic.core.sqlite.TestDatabases.QMARK + "weird";
        Path db = touch(odd + "/invokeai.db");
        assertEquals(db, resolve(dir.resolve(odd)).database());
    }

    @Test
    void aWalFileIsRedirectedToItsDatabase() throws Exception {
        touch("x/invokeai.db");
        Path wal = touch("x/invokeai.db-wal");
        String m = refused(wal.toString());
        assertTrue(m.contains("belongs to the database") && m.endsWith("give that file instead"), m);
    }
}
