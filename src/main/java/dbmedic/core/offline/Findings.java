package dbmedic.core.offline;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import java.util.List;

/** Short constructors for the findings of this package. */
final class Findings {

    private Findings() {
    }

    static Finding of(String id, Severity severity, String subject, String summary, String evidence, String cause,
                      String fix) {
        return new Finding(id, severity, subject, summary, evidence, cause, Fix.text(fix));
    }

    static Finding of(String id, Severity severity, String subject, String summary, String evidence, String cause,
                      String fix, List<String> toCopy) {
        return new Finding(id, severity, subject, summary, evidence, cause, new Fix(fix, toCopy));
    }
}
