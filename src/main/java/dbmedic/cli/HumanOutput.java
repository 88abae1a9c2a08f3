package dbmedic.cli;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.backup.BackupResult;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.plan.PlanStep;
import dbmedic.core.plan.RepairPlan;
import dbmedic.core.report.MarkdownReport;
import dbmedic.core.verify.VerifyResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Plain-text rendering for a person at a terminal. */
final class HumanOutput {
    private final PrintWriter out;

    HumanOutput(PrintWriter out) {
        this.out = out;
    }

    void header(Diagnosis diagnosis) {
        out.println("DB Medic — " + diagnosis.target().displayName());
        AppIdentity app = diagnosis.app() == null ? AppIdentity.UNKNOWN : diagnosis.app();
        StringBuilder line = new StringBuilder("App: ").append(app.name());
        if (app.schemaVersion() != null) {
            line.append(", schema version ").append(app.schemaVersion());
        }
        if (app.release() != null) {
            line.append(" (").append(app.release()).append(')');
        }
        out.println(line);
        out.println();
    }

    void findings(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.severity() == dbmedic.core.finding.Severity.OK) {
                // A passed check is one line: what was checked and that it is fine.
                out.printf("%-8s %s  %s — %s%n", "OK", f.id(), nz(f.subject()), nz(f.summary()));
                continue;
            }
            out.printf("%-8s %s  %s%n", f.severity().name(), f.id(), nz(f.subject()));
            indent(f.summary());
            if (notBlank(f.evidence())) {
                indent("Evidence: " + f.evidence());
            }
            if (notBlank(f.cause())) {
                indent("Cause: " + f.cause());
            }
            if (f.fix() != null && notBlank(f.fix().summary())) {
                indent("Fix: " + f.fix().summary());
            }
            if (f.fix() != null) {
                f.fix().sql().forEach(sql -> out.println("            " + sql));
            }
            indent("Docs: " + f.docPage());
            out.println();
        }
    }

    void summary(Diagnosis diagnosis, String targetArg) {
        out.println();
        out.println("Result: " + MarkdownReport.summaryLine(diagnosis) + ".");
        long repairable = diagnosis.repairable().size();
        if (repairable > 0) {
            out.println("DB Medic can repair " + repairable + (repairable == 1 ? " finding" : " findings")
                    + " after a verified backup: dbmedic repair " + quoteArg(targetArg) + " (preview first with --dry-run).");
        }
    }

    void plan(RepairPlan plan) {
        if (plan.isEmpty()) {
            out.println("Nothing to repair.");
        } else {
            out.println("Repair plan — these statements run in one transaction, in this order:");
            int n = 1;
            for (PlanStep step : plan.steps()) {
                out.println();
                out.println("  " + step.description());
                for (String sql : step.statements()) {
                    out.printf("  %3d  %s%n", n++, sql.replace("\n", "\n       "));
                }
            }
            out.println();
        }
        if (!plan.expectedRowChanges().isEmpty()) {
            new TreeMap<>(plan.expectedRowChanges()).forEach((table, delta) ->
                    out.println("Row change planned: " + table + " " + (delta > 0 ? "+" : "") + delta));
        }
        plan.notes().forEach(n -> out.println("Note: " + n));
    }

    void backup(BackupResult backup) {
        out.println("Backup: " + backup.file());
        out.println("  size " + backup.bytes() + " bytes, SHA-256 " + backup.sha256());
        out.println("  integrity_check: " + backup.integrity() + ", " + backup.rowCounts().size()
                + " tables, " + backup.rowCounts().values().stream().mapToLong(Long::longValue).sum()
                + " rows — " + (backup.verified() ? "verified" : "NOT verified"));
        if (backup.manifest() != null) {
            out.println("  manifest " + backup.manifest());
        }
    }

    void verify(VerifyResult result) {
        out.println(result.ok() ? "Verified: the repaired database is consistent with the backup."
                : "Verification found problems:");
        result.problems().forEach(p -> out.println("  - " + p));
        for (Map.Entry<String, long[]> e : new TreeMap<>(result.rowCounts()).entrySet()) {
            long[] c = e.getValue();
            out.printf("  %-32s %8d → %8d rows%s%n", e.getKey(), c[0], c[1], c[0] == c[1] ? "" : "  (changed)");
        }
    }

    private void indent(String text) {
        for (String line : nz(text).split("\n")) {
            out.println("         " + line);
        }
    }

    static String quoteArg(String arg) {
        return arg.matches("[A-Za-z0-9_./:@%+=,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
