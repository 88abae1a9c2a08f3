package dbmedic.core.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import java.util.List;

/** Small lookups over a diagnosis for the live tests. */
final class LiveFindings {
    private LiveFindings() {
    }

    static List<Finding> all(Diagnosis d, String id) {
        return d.findings().stream().filter(f -> f.id().equals(id)).toList();
    }

    static Finding one(Diagnosis d, String id) {
        List<Finding> found = all(d, id);
        assertEquals(1, found.size(), () -> id + " expected once in " + ids(d));
        return found.get(0);
    }

    static String ids(Diagnosis d) {
        return d.findings().stream().map(f -> f.severity() + " " + f.id() + " (" + f.subject() + ")").toList().toString();
    }

    /** Everything a user could see of a finding, to check no password leaks. */
    static String text(Diagnosis d) {
        StringBuilder sb = new StringBuilder(d.target().displayName());
        for (Finding f : d.findings()) {
            sb.append(f).append('\n');
        }
        return sb.toString();
    }
}
