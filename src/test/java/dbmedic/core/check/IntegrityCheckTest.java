package dbmedic.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.sqlite.TestDatabases;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityCheckTest {
    @TempDir
    Path dir;

    static Path manyPages(Path file) {
        return TestDatabases.create(file, "CREATE TABLE t(a)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
                        + " INSERT INTO t SELECT randomblob(100) FROM n");
    }

    /** Overwrites the b-tree page type byte of page {@code page} (1-based): the header stays valid. */
    static void breakPage(Path file, int page) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek((long) (page - 1) * 4096);
            raf.write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        }
    }

    @Test
    void aSoundFileIsOk() throws Exception {
        List<Finding> f = CheckHarness.run(new IntegrityCheck(), manyPages(dir.resolve("ok.db")), null);
        assertEquals(1, f.size());
        assertEquals(Severity.OK, f.get(0).severity());
        assertEquals("quick_check", f.get(0).subject());
        assertEquals("sqlite.integrity", f.get(0).id());
    }

    @Test
    void aDamagedPageIsAnErrorWithTheFirstRowsAsEvidence() throws Exception {
        Path db = manyPages(dir.resolve("bad.db"));
        breakPage(db, 5);
        List<Finding> f = CheckHarness.run(new IntegrityCheck(), db, null);
        assertEquals(1, f.size());
        Finding damaged = f.get(0);
        assertEquals(Severity.ERROR, damaged.severity());
        assertEquals("PRAGMA quick_check stopped with \"database disk image is malformed\" after reporting: Tree 2 page 5: btreeInitPage() returns error code 11", damaged.evidence());
        assertTrue(damaged.evidence().contains("Tree 2 page 5: btreeInitPage() returns error code 11"), damaged.evidence());
        assertTrue(damaged.actions().isEmpty(), "damage is never repaired automatically");
    }

    @Test
    void theFullCheckRunsOnRequest() throws Exception {
        List<Finding> f = CheckHarness.run(new IntegrityCheck(), manyPages(dir.resolve("ok.db")), null,
                new DiagnoseOptions(null, true));
        assertEquals("integrity_check", f.get(0).subject());
        assertEquals("PRAGMA integrity_check returned ok", f.get(0).evidence());
    }
}
