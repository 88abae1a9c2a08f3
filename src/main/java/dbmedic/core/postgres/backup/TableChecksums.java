package dbmedic.core.postgres.backup;

import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Reads a vector table's content checksum ({@link TableSnapshot}) by streaming
 * {@code COPY (SELECT key, embedding::real[] ... ORDER BY key) TO STDOUT} through SHA-256: the
 * rows never sit in memory, and the {@code real[]} text form is the same whether the column is
 * pgvecto.rs's {@code vectors.vector}, pgvector's {@code vector} or a plain {@code real[]}.
 */
public final class TableChecksums {
    private TableChecksums() {
    }

    public static TableSnapshot of(Connection c, String table, String keyColumn, Progress progress)
            throws SQLException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        String type = columnType(c, table, "embedding");
        String sql = "COPY (SELECT " + quote(keyColumn) + ", embedding::real[] FROM " + quote(table)
                + " ORDER BY " + quote(keyColumn) + ") TO STDOUT";
        RowStreamDigest out = new RowStreamDigest(null, p, -1, "Reading every row of " + table);
        try {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyOut(sql, out);
        } catch (IOException e) {
            if (e.getCause() instanceof CancelledException cancelled) {
                throw cancelled;
            }
            throw new SQLException("Reading " + table + " failed: " + e.getMessage(), e);
        }
        return new TableSnapshot(table, keyColumn, type, out.rows(), out.sha256());
    }

    /** The column's type, schema-qualified unless in pg_catalog/public: {@code vectors.vector(512)}, {@code vector(512)}, {@code real[]}. */
    public static String columnType(Connection c, String table, String column) throws SQLException {
        // format_type leaves the schema out when the type is on the search_path; the type of a
        // backup must not depend on the session's path, so any schema but pg_catalog/public is named.
        try (PreparedStatement st = c.prepareStatement("SELECT CASE WHEN n.nspname IN ('pg_catalog', 'public') "
                + "OR format_type(a.atttypid, a.atttypmod) LIKE '%.%' THEN format_type(a.atttypid, a.atttypmod) "
                + "ELSE quote_ident(n.nspname) || '.' || format_type(a.atttypid, a.atttypmod) END FROM pg_attribute a "
                + "JOIN pg_class t ON t.oid = a.attrelid JOIN pg_type ty ON ty.oid = a.atttypid "
                + "JOIN pg_namespace n ON n.oid = ty.typnamespace WHERE t.relname = ? AND t.relkind = 'r' AND a.attname = ? "
                + "AND a.attnum > 0 AND NOT a.attisdropped AND pg_table_is_visible(t.oid)")) {
            st.setString(1, table);
            st.setString(2, column);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("Table " + table + " has no column " + column);
                }
                return rs.getString(1);
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
