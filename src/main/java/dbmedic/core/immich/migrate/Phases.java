package dbmedic.core.immich.migrate;

import java.util.Optional;

/** Which phases of a plan are done, from the journal and from what the database shows. */
final class Phases {
    private Phases() {
    }

    /** True when the phase's effect is visible in the database (it committed, journal or not). */
    static boolean visible(MigrationPhase phase, MigrationState s) {
        return switch (phase.id()) {
            case "convert", "phase-2" -> !s.tables().isEmpty() && s.tables().stream().allMatch(VectorTable::pgvectorType)
                    && s.extension("vchord").map(ExtensionInfo::installed).orElse(false);
            case "phase-1" -> !s.tables().isEmpty()
                    && s.tables().stream().allMatch(t -> t.realArray() || t.pgvectorType());
            case "install" -> s.extension("vchord").map(ExtensionInfo::installed).orElse(false);
            case "drop-vectors" -> !s.extension("vectors").map(ExtensionInfo::installed).orElse(false) && !s.vectorsSchema();
            default -> false; // "preload": only the journal knows (the running value changes at restart)
        };
    }

    static boolean done(MigrationPhase phase, MigrationState s, Optional<MigrationJournal> journal) {
        return journal.map(j -> j.done(phase.id())).orElse(false) || visible(phase, s);
    }

    /** The first phase not done yet; empty when the plan is complete. */
    static Optional<MigrationPhase> next(MigrationPlan plan, MigrationState s, Optional<MigrationJournal> journal) {
        Optional<MigrationJournal> own = journal.filter(j -> j.planId().equals(plan.id()));
        return plan.phases().stream().filter(p -> !done(p, s, own)).findFirst();
    }
}
