package dbmedic.ui.immich;

import java.util.List;

/**
 * What the migration step shows after reading the server: the state in plain words, the plans
 * (recommended first, each with the guards that refuse it), and a migration left half-way, if any.
 */
public record MigrationOffer(String state, List<PlanView> plans, Pending pending) {
    public MigrationOffer {
        plans = List.copyOf(plans);
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
