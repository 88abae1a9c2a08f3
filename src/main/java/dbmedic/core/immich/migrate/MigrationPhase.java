package dbmedic.core.immich.migrate;

import java.util.List;
import java.util.Optional;

/**
 * One step of a plan, applied as a whole.
 *
 * @param id            stable id within the plan ({@code convert}, {@code phase-1}, {@code phase-2}, {@code drop-vectors}, {@code preload})
 * @param title         plain words
 * @param statements    the exact SQL, in order
 * @param transactional true: all statements in one transaction; false: statements that
 *                      PostgreSQL refuses in a transaction block (ALTER SYSTEM), each on its own
 * @param tables        the vector tables the statements change (their checksums are compared with the backup first)
 * @param pauseAfter    present when the user must swap the database image before the next phase
 */
public record MigrationPhase(String id, String title, List<String> statements, boolean transactional,
                            List<String> tables, Optional<ImageSwap> pauseAfter) {
    public MigrationPhase {
        statements = List.copyOf(statements);
        tables = List.copyOf(tables);
        pauseAfter = pauseAfter == null ? Optional.empty() : pauseAfter;
    }
}
