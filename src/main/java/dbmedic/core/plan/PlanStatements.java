package dbmedic.core.plan;

import java.util.ArrayList;
import java.util.List;

/** Facts about a plan read back from its statements (the plan record carries only text). */
public final class PlanStatements {
    private PlanStatements() {
    }

    /** Tables the plan rebuilds: the X of each {@code ALTER TABLE "new_X" RENAME TO "X"}. */
    public static List<String> rebuiltTables(RepairPlan plan) {
        List<String> out = new ArrayList<>();
        for (String s : plan.statements()) {
            List<SqlToken> t = SqlTokenizer.significant(s);
            if (t.size() == 6 && t.get(0).isWord("alter") && t.get(1).isWord("table") && t.get(3).isWord("rename")
                    && t.get(4).isWord("to") && t.get(5).isIdentifier()) {
                out.add(t.get(5).identifier());
            }
        }
        return out;
    }
}
