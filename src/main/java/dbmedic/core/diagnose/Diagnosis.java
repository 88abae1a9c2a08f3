package dbmedic.core.diagnose;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.target.Target;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The result of diagnosing one target: the app, and the findings worst first. */
public record Diagnosis(Target target, AppIdentity app, List<Finding> findings, Instant at) {
    public Diagnosis {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    /** Problems are errors and warnings; info and ok findings do not count. */
    public boolean hasProblems() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING);
    }

    public List<Finding> repairable() {
        return findings.stream().filter(Finding::repairable).toList();
    }
}
