package dbmedic.ui;

import dbmedic.core.Version;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.report.Redactor;
import dbmedic.core.report.ReportWriter;
import dbmedic.core.verify.VerifyResult;
import java.nio.file.Path;

/** The engine's redacted Markdown + JSON report; after a repair, of the database as it is now. */
final class CoreReportSaver implements ReportSaver {
    @Override
    public void save(Diagnosis diagnosis, VerifyResult verify, Path markdownFile) throws Exception {
        Diagnosis latest = verify != null && verify.after() != null ? verify.after() : diagnosis;
        new ReportWriter(new Redactor(), Version.current()).write(latest, markdownFile);
    }
}
