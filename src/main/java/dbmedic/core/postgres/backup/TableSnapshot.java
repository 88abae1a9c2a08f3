package dbmedic.core.postgres.backup;

/**
 * What a table held at one moment, in a form that survives a change of the vector column's
 * type: the row count and a SHA-256 over every row's key and embedding read as {@code real[]}
 * text, in key order. Equal snapshots before and after a migration mean no value was lost.
 *
 * @param table      table name (e.g. {@code smart_search})
 * @param keyColumn  the primary-key column (e.g. {@code assetId})
 * @param columnType the embedding column's type as PostgreSQL prints it (e.g. {@code vectors.vector(512)})
 * @param rows       number of rows
 * @param sha256     lower-case hex digest of the rows' canonical text
 */
public record TableSnapshot(String table, String keyColumn, String columnType, long rows, String sha256) {

    /** Same rows and values, whatever the column's type. */
    public boolean sameContent(TableSnapshot other) {
        return other != null && rows == other.rows && sha256.equals(other.sha256);
    }
}
