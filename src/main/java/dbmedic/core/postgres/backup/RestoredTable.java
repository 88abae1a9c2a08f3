package dbmedic.core.postgres.backup;

import java.util.List;

/**
 * One vector table brought back from a backup.
 *
 * @param table            table name
 * @param expected         what the backup recorded
 * @param before           the table as found before the restore
 * @param after            the table after the restore, read inside the restore's transaction
 * @param typeBefore       the embedding column's type before
 * @param typeAfter        the embedding column's type after
 * @param indexesDropped   vector indexes dropped to change the column's type
 * @param indexesRecreated those recreated from the backup's DDL
 */
public record RestoredTable(String table, TableSnapshot expected, TableSnapshot before, TableSnapshot after,
        String typeBefore, String typeAfter, List<String> indexesDropped, List<String> indexesRecreated) {
    public RestoredTable {
        indexesDropped = List.copyOf(indexesDropped);
        indexesRecreated = List.copyOf(indexesRecreated);
    }

    /** True when the table now holds exactly what the backup recorded. */
    public boolean matches() {
        return after != null && after.sameContent(expected);
    }
}
