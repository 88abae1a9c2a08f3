package dbmedic.core.immich.migrate;

import java.util.List;

/**
 * One of Immich's vector tables ({@code smart_search}, {@code face_search}) as it is now.
 *
 * @param table      table name
 * @param keyColumn  primary key column ({@code assetId} / {@code faceId})
 * @param columnType the {@code embedding} column's type as {@code format_type} prints it
 * @param typeSchema schema of the column's type ({@code vectors}, {@code public}, {@code pg_catalog})
 * @param typeName   the type's name ({@code vector}, {@code _float4} for {@code real[]})
 * @param dimension  {@code atttypmod} of the column: the dimension for vector types, -1 for {@code real[]}
 * @param rows       exact row count
 * @param indexes    every index on the table
 * @param storedDimension for a {@code real[]} column (no typmod): the length of the stored arrays
 *                   when all rows agree, else -1; for other columns the same as {@code dimension}
 */
public record VectorTable(String table, String keyColumn, String columnType, String typeSchema, String typeName,
                          int dimension, long rows, List<IndexInfo> indexes,
                          int storedDimension) {
    public VectorTable {
        indexes = List.copyOf(indexes);
    }

    /** The column still uses pgvecto.rs's type. */
    public boolean pgvectorsType() {
        return "vectors".equals(typeSchema) && "vector".equals(typeName);
    }

    /** The column is a plain {@code real[]} (between the two phases of the two-phase plan). */
    public boolean realArray() {
        return "_float4".equals(typeName);
    }

    /** The column uses pgvector's {@code vector} type (what VectorChord uses). */
    public boolean pgvectorType() {
        return "vector".equals(typeName) && !"vectors".equals(typeSchema);
    }
}
