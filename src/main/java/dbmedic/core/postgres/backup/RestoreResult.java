package dbmedic.core.postgres.backup;

import java.util.List;

/**
 * The outcome of {@link VectorTableRestore#restore}.
 *
 * @param committed true when the tables now hold the backup's content; false when it was rolled back
 * @param tables    per table: checksums expected, before and after
 * @param notes     plain sentences, e.g. that Immich rebuilds an index it could not recreate
 * @param message   one plain line summing up
 */
public record RestoreResult(boolean committed, List<RestoredTable> tables, List<String> notes, String message) {
    public RestoreResult {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
