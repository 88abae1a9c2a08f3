package dbmedic.core.immich.migrate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A migration the user may choose.
 *
 * @param id          {@code pgvectors-to-vchord}, {@code pgvectors-to-vchord-two-phase},
 *                    {@code pgvector-to-vchord}, {@code cleanup}
 * @param title       one line
 * @param explanation plain words: what it does and what happens afterwards
 * @param dimensions  the embedding dimension per table, read from the columns (or the journal)
 * @param phases      in order
 * @param afterwards  what the user does once every phase is applied (start Immich, edit .env, ...)
 */
public record MigrationPlan(String id, String title, String explanation, Map<String, Integer> dimensions,
                            List<MigrationPhase> phases, List<String> afterwards) {
    public static final String PGVECTORS_TO_VCHORD = "pgvectors-to-vchord";
    public static final String PGVECTORS_TO_VCHORD_TWO_PHASE = "pgvectors-to-vchord-two-phase";
    public static final String PGVECTOR_TO_VCHORD = "pgvector-to-vchord";
    public static final String CLEANUP = "cleanup";

    public MigrationPlan {
        dimensions = Map.copyOf(dimensions);
        phases = List.copyOf(phases);
        afterwards = List.copyOf(afterwards);
    }

    public Optional<MigrationPhase> phase(String phaseId) {
        return phases.stream().filter(p -> p.id().equals(phaseId)).findFirst();
    }

    /** Every statement of every phase, in order (the preview, psql's script). */
    public List<String> allStatements() {
        return phases.stream().flatMap(p -> p.statements().stream()).toList();
    }
}
