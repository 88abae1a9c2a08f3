package dbmedic.core.finding;

import dbmedic.core.plan.RepairAction;
import java.util.List;

/**
 * One thing the diagnosis found. {@code id} is stable and has a page
 * {@code docs/findings/<id>.md}; {@code subject} names the object in the database's own
 * words ({@code table.column}, a table, a pragma). {@code actions} are the machine-readable
 * repairs the planner may turn into statements; they are empty for findings DB Medic
 * reports but never repairs itself.
 */
public record Finding(
        String id,
        Severity severity,
        String subject,
        String summary,
        String evidence,
        String cause,
        Fix fix,
        List<RepairAction> actions) {

    public Finding {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public Finding(String id, Severity severity, String subject, String summary,
                   String evidence, String cause, Fix fix) {
        this(id, severity, subject, summary, evidence, cause, fix, List.of());
    }

    public boolean repairable() {
        return !actions.isEmpty();
    }

    /** Relative path of the documentation page for this finding. */
    public String docPage() {
        return "docs/findings/" + id + ".md";
    }
}
