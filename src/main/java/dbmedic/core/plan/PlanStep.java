package dbmedic.core.plan;

import java.util.List;

/** One understandable step of a repair ("Add session_queue.destination") and its exact statements. */
public record PlanStep(String description, String table, List<String> statements) {
    public PlanStep {
        statements = List.copyOf(statements);
    }
}
