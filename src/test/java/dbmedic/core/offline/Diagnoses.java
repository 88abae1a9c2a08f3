package dbmedic.core.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.target.Target;
import java.nio.file.Path;
import java.util.List;

/** Runs the offline diagnosis on a folder the test built and picks findings out of it. */
final class Diagnoses {

    private Diagnoses() {
    }

    static Diagnosis run(Path folder) throws Exception {
        return run(folder, OfflineOptions.defaults());
    }

    static Diagnosis run(Path folder, OfflineOptions options) throws Exception {
        Target t = OfflineFolders.detect(folder).orElseThrow(() -> new AssertionError("not detected: " + folder));
        return new OfflineDiagnoser().diagnose(t, options, null);
    }

    static List<Finding> all(Diagnosis d, String id) {
        return d.findings().stream().filter(f -> f.id().equals(id)).toList();
    }

    static Finding one(Diagnosis d, String id) {
        List<Finding> l = all(d, id);
        assertEquals(1, l.size(), () -> "expected one " + id + " in " + ids(d));
        return l.get(0);
    }

    static void none(Diagnosis d, String id) {
        assertTrue(all(d, id).isEmpty(), () -> "unexpected " + id + ": " + all(d, id));
    }

    static List<String> ids(Diagnosis d) {
        return d.findings().stream().map(f -> f.id() + "/" + f.severity().label()).toList();
    }

    static List<Finding> problems(Diagnosis d) {
        return d.findings().stream().filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
                .toList();
    }

    /** Every text of every finding, for "never shows X" assertions. */
    static String text(Diagnosis d) {
        StringBuilder b = new StringBuilder(d.target().displayName()).append('\n').append(d.app()).append('\n');
        for (Finding f : d.findings()) {
            b.append(f).append('\n');
        }
        return b.toString();
    }
}
