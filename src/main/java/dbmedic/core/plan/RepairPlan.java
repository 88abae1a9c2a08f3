package dbmedic.core.plan;

import java.util.List;
import java.util.Map;

/**
 * The statements a repair will run, in order, all inside one transaction.
 * {@code expectedRowChanges}: per table, how many rows the plan removes (negative) — e.g.
 * orphaned links dropped by a foreign-key rebuild; tables not named keep their row count.
 * {@code notes}: what the plan will not do, said plainly (unknown DDL, newer schema).
 */
public record RepairPlan(List<PlanStep> steps, Map<String, Long> expectedRowChanges, List<String> notes) {
    public RepairPlan {
        steps = List.copyOf(steps);
        expectedRowChanges = Map.copyOf(expectedRowChanges);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Every statement in execution order: the preview. */
    public List<String> statements() {
        return steps.stream().flatMap(s -> s.statements().stream()).toList();
    }
}
