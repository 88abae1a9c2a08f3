package dbmedic.ui;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.verify.VerifyResult;
import java.nio.file.Path;

/**
 * Writes a report (Markdown and JSON) of a diagnosis and, after a repair, its verification.
 * The "Save report…" buttons are shown only when the application provides one.
 */
@FunctionalInterface
public interface ReportSaver {
    /** {@code markdownFile} is the chosen .md path; the JSON goes beside it. {@code verify} may be null. */
    void save(Diagnosis diagnosis, VerifyResult verify, Path markdownFile) throws Exception;
}
