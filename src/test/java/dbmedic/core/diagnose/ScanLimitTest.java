package dbmedic.core.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.PackRegistry;
import dbmedic.core.target.TargetResolver;
import dbmedic.core.task.Progress;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page-reading checks run up to a size by default, always on request, never when turned off. */
class ScanLimitTest {
    @TempDir
    Path dir;

    @Test
    void scansUpToTheLimitByDefaultAndAlwaysOrNeverWhenAsked() {
        long limit = DiagnoseOptions.AUTO_SCAN_LIMIT_BYTES;
        assertTrue(DiagnoseOptions.DEFAULT.scans(limit));
        assertFalse(DiagnoseOptions.DEFAULT.scans(limit + 1));
        assertTrue(new DiagnoseOptions(null, false, null, null, true).scans(limit * 10));
        assertFalse(new DiagnoseOptions(null, false, null, null, false).scans(1));
        assertTrue(new DiagnoseOptions(null, true, null, null, false).scans(limit * 10), "--full-check implies a scan");
    }

    @Test
    void withoutTheScanADamagedPageIsNotSeenAndTheDiagnosisSaysSo() throws Exception {
        Path db = SqliteFixtures.corruptPage(dir);
        Diagnoser diagnoser = new Diagnoser(PackRegistry.load());

        List<Finding> scanned = diagnoser.diagnose(TargetResolver.resolve(db.toString()), DiagnoseOptions.DEFAULT,
                Progress.NONE).findings();
        assertTrue(scanned.stream().anyMatch(f -> f.id().equals("sqlite.integrity") && f.severity() == Severity.ERROR));

        List<Finding> skipped = diagnoser.diagnose(TargetResolver.resolve(db.toString()),
                new DiagnoseOptions(null, false, null, null, false), Progress.NONE).findings();
        assertTrue(skipped.stream().noneMatch(f -> f.id().equals("sqlite.integrity")), skipped.toString());
        assertTrue(skipped.stream().noneMatch(f -> f.id().equals("sqlite.foreign-keys")), skipped.toString());
        Finding info = skipped.stream().filter(f -> f.id().equals("sqlite.scan-skipped")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, info.severity());
        assertTrue(info.fix().summary().contains("--scan"), info.fix().summary());
    }
}
