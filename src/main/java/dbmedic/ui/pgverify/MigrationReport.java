package dbmedic.ui.pgverify;

import dbmedic.ui.immich.PlanView;
import dbmedic.ui.immich.VerificationView;

/**
 * The migration's section of the saved report (Markdown): the plan, each check with its
 * numbers, and the per-table comparison. Holds no path or password: only names and numbers.
 */
public final class MigrationReport {
    private MigrationReport() {
    }

    public static String markdown(PlanView plan, VerificationView v) {
        StringBuilder b = new StringBuilder();
        b.append("\n## Migration\n\n");
        if (plan != null) {
            b.append("Plan: ").append(plan.title()).append(" (`").append(plan.id()).append("`)\n\n");
        }
        b.append(v.lossless() ? "**Lossless**: every embedding is exactly as it was in the backup.\n\n"
                : "**Not proven lossless**: see the failed checks.\n\n");
        for (VerificationView.Check c : v.checks()) {
            b.append("- ").append(c.passed() ? "✔ " : "✖ ").append(c.name());
            if (c.detail() != null && !c.detail().isBlank()) {
                b.append(": ").append(c.detail());
            }
            b.append('\n');
        }
        b.append("\n| Table | Rows before | Rows after | SHA-256 before | SHA-256 after | Column type now |\n");
        b.append("|---|---:|---:|---|---|---|\n");
        for (VerificationView.TableCompare t : v.tables()) {
            b.append(String.format("| %s | %,d | %,d | `%s` | `%s` | `%s` |%n", t.table(), t.rowsBefore(), t.rowsAfter(),
                    t.shaBefore(), t.shaAfter(), t.typeAfter()));
        }
        return b.toString();
    }
}
