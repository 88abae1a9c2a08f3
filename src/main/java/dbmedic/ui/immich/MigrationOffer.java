package dbmedic.ui.immich;

import java.util.List;

/**
 * What the migration step shows after reading the server: the state in one line, the plans
 * (recommended first), the guards that refuse, and a migration left half-way, if any.
 */
public record MigrationOffer(String state, List<PlanView> plans, List<RefusalView> refusals, Pending pending) {
    public MigrationOffer {
        plans = List.copyOf(plans);
        refusals = List.copyOf(refusals);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    /**
     * A journal for this database: {@code nextPhase} (0-based) is still to run; {@code ready}
     * says whether the server now has what that phase needs, {@code missing} what it lacks.
     */
    public record Pending(PlanView plan, int nextPhase, boolean ready, List<String> missing, Object backupEvidence) {
        public Pending {
            missing = List.copyOf(missing);
        }
    }
}
