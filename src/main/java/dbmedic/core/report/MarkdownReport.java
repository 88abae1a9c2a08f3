package dbmedic.core.report;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;

/** A diagnosis as Markdown for a GitHub issue or a Discord thread, redacted. */
public final class MarkdownReport {
    private final Redactor redactor;

    public MarkdownReport(Redactor redactor) {
        this.redactor = redactor;
    }

    public String render(Diagnosis diagnosis, String toolVersion) {
        StringBuilder md = new StringBuilder();
        AppIdentity app = diagnosis.app() == null ? AppIdentity.UNKNOWN : diagnosis.app();
        md.append("# DB Medic diagnosis\n\n");
        md.append("- Target: `").append(r(diagnosis.target().displayName())).append("`\n");
        md.append("- App: ").append(app.name());
        if (app.schemaVersion() != null) {
            md.append(", schema version `").append(app.schemaVersion()).append('`');
        }
        if (app.release() != null) {
            md.append(" (").append(app.release()).append(')');
        }
        md.append('\n');
        md.append("- Diagnosed: ").append(diagnosis.at()).append(" with DB Medic ").append(toolVersion).append("\n");
        md.append("- Result: ").append(summaryLine(diagnosis)).append("\n\n");
        for (Severity severity : Severity.values()) {
            var group = diagnosis.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            md.append("## ").append(heading(severity)).append("\n\n");
            for (Finding f : group) {
                md.append("### `").append(f.id()).append("` — ").append(r(f.subject())).append("\n\n");
                md.append(r(f.summary())).append("\n\n");
                if (notBlank(f.evidence())) {
                    md.append("- Evidence: ").append(r(f.evidence())).append('\n');
                }
                if (notBlank(f.cause())) {
                    md.append("- Cause: ").append(r(f.cause())).append('\n');
                }
                if (f.fix() != null && notBlank(f.fix().summary())) {
                    md.append("- Fix: ").append(r(f.fix().summary())).append('\n');
                }
                if (f.fix() != null && !f.fix().sql().isEmpty()) {
                    md.append("\n```sql\n");
                    f.fix().sql().forEach(s -> md.append(r(s)).append('\n'));
                    md.append("```\n");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    public static String summaryLine(Diagnosis diagnosis) {
        long errors = count(diagnosis, Severity.ERROR);
        long warnings = count(diagnosis, Severity.WARNING);
        if (errors == 0 && warnings == 0) {
            return "healthy (no errors, no warnings)";
        }
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    private static long count(Diagnosis d, Severity s) {
        return d.findings().stream().filter(f -> f.severity() == s).count();
    }

    private static String heading(Severity severity) {
        return switch (severity) {
            case ERROR -> "Errors";
            case WARNING -> "Warnings";
            case INFO -> "Information";
            case OK -> "Checks passed";
        };
    }

    private String r(String text) {
        return redactor.redact(text == null ? "" : text);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
