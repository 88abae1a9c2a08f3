package dbmedic.core.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.target.UnusableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFileProbeTest {
    @TempDir
    Path dir;

    private Path db() {
        return TestDatabases.create(dir.resolve("ok.db"), "CREATE TABLE t(a)", "INSERT INTO t VALUES (1)");
    }

    private static String refused(Path file) {
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> SqliteFileProbe.probe(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsTheHeaderOfARealDatabase() throws Exception {
        Path file = db();
        SqliteHeader h = SqliteFileProbe.probe(file);
        assertEquals(4096, h.pageSize());
        assertEquals(Files.size(file) / 4096, h.pageCount());
        assertFalse(h.walMode());
    }

    @Test
    void seesWalModeInTheHeader() throws Exception {
        Path file = TestDatabases.create(dir.resolve("wal.db"), "PRAGMA journal_mode=WAL", "CREATE TABLE t(a)");
        assertTrue(SqliteFileProbe.probe(file).walMode());
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.db"));
        assertTrue(refused(file).contains("empty file (0 bytes)"));
    }

    @Test
    void saysATextFileIsText() throws IOException {
        Path file = Files.writeString(dir.resolve("invokeai.db"), "schema_version: 4.0.2\nhost: 0.0.0.0\n");
        String m = refused(file);
        assertTrue(m.contains("text file") && m.contains("schema_version: 4.0.2"), m);
    }

    @Test
    void saysRandomBytesAreNotADatabase() throws IOException {
        byte[] bytes = new byte[8192];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0x80; // never valid UTF-8 text
        Path file = Files.write(dir.resolve("random.db"), bytes);
        String m = refused(file);
        assertTrue(m.contains("binary data"), m);
    }

    @Test
    void refusesATruncatedDatabase() throws IOException {
        Path file = db();
        byte[] all = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.db"), Arrays.copyOf(all, 4096 + 1000));
        assertTrue(refused(cut).contains("truncated"));
        Path wholePages = Files.write(dir.resolve("pages.db"), Arrays.copyOf(all, 4096));
        String m = refused(wholePages);
        assertTrue(m.contains("truncated") && m.contains("header counts 2 pages"), m);
        Path headerOnly = Files.write(dir.resolve("head.db"), Arrays.copyOf(all, 50));
        assertTrue(refused(headerOnly).contains("truncated"));
    }

    @Test
    void refusesAnInvalidPageSize() throws IOException {
        byte[] all = Files.readAllBytes(db());
        all[16] = 0x03;
        all[17] = 0x00; // 768: not a power of two
        Path file = Files.write(dir.resolve("bad.db"), all);
        assertTrue(refused(file).contains("page size 768"));
    }

    @Test
    void describesAnArchive() throws IOException {
        Path file = Files.write(dir.resolve("backup.db"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        assertTrue(refused(file).contains("gzip"));
    }

    @Test
    void aMissingFileIsNamed() {
        assertEquals("No such file or folder: " + dir.resolve("nope.db"), refused(dir.resolve("nope.db")));
    }
}
