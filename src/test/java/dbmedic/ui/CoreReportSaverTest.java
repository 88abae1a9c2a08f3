package dbmedic.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.Medic;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.task.Progress;
import dbmedic.fixtures.SqliteFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Save report…" writes the engine's Markdown and JSON report where the user chose. */
class CoreReportSaverTest {
    @Test
    void writesMarkdownAndJsonBesideTheChosenFile(@TempDir Path dir) throws Exception {
        Medic medic = new Medic();
        Path db = SqliteFixtures.invokeAiMissingDestination(dir.resolve("root"));
        Diagnosis d = medic.diagnose(medic.resolve(db.toString()), DiagnoseOptions.DEFAULT, Progress.NONE);

        new CoreReportSaver().save(d, null, dir.resolve("out").resolve("my-report.md"));

        Path md = dir.resolve("out").resolve("my-report.md");
        Path json = dir.resolve("out").resolve("my-report.json");
        assertTrue(Files.readString(md).contains("session_queue.destination"));
        assertTrue(Files.readString(json).contains("\"sqlite.missing-column\""));
    }
}
