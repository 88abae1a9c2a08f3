package dbmedic.core.postgres.backup;

import dbmedic.core.postgres.backup.PgBackupManifest.ConstraintEntry;
import dbmedic.core.postgres.backup.PgBackupManifest.IndexEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A vector table's shape as the catalog has it: columns, the embedding column's type (also
 * schema-qualified, so {@code vectors.vector} is never mistaken for pgvector's {@code vector}),
 * the extension owning that type, storage, constraints and indexes. Read with the search path
 * set to {@code pg_catalog} for the qualified names, inside the caller's transaction.
 */
record TableDdl(String schema, String table, String keyType, String columnType, String qualifiedType,
        String typeExtension, String storage, List<String> columnDefinitions, List<IndexEntry> indexes,
        List<ConstraintEntry> constraints) {

    static TableDdl read(Connection c, String table, String keyColumn) throws SQLException {
        String columnType = TableChecksums.columnType(c, table, "embedding");
        String keyType = TableChecksums.columnType(c, table, keyColumn);
        long oid;
        String schema;
        try (PreparedStatement st = c.prepareStatement("SELECT t.oid, n.nspname FROM pg_class t JOIN pg_namespace n "
                + "ON n.oid = t.relnamespace WHERE t.oid = to_regclass(quote_ident(?))")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("Table " + table + " does not exist");
                }
                oid = rs.getLong(1);
                schema = rs.getString(2);
            }
        }
        String searchPath = single(c, "SELECT current_setting('search_path')");
        // Only for this transaction: with pg_catalog alone on the path, every name prints qualified.
        single(c, "SELECT set_config('search_path', 'pg_catalog', true)");
        // On an error the transaction is aborted and the local setting goes with it.
        TableDdl ddl = readQualified(c, oid, schema, table, keyType, columnType);
        try (PreparedStatement st = c.prepareStatement("SELECT set_config('search_path', ?, true)")) {
            st.setString(1, searchPath);
            st.executeQuery().close();
        }
        return ddl;
    }

    private static TableDdl readQualified(Connection c, long oid, String schema, String table, String keyType,
            String columnType) throws SQLException {
        String qualifiedType = null;
        String extension = "";
        String storage = null;
        List<String> columns = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                + "a.attstorage, (SELECT e.extname FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid "
                + "WHERE d.classid = 'pg_type'::regclass AND d.objid = a.atttypid AND d.refclassid = 'pg_extension'::regclass "
                + "AND d.deptype = 'e' LIMIT 1), pg_get_expr(ad.adbin, ad.adrelid) "
                + "FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
                + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            st.setLong(1, oid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    columns.add(TableChecksums.quote(name) + " " + type + (rs.getString(6) == null ? "" : " DEFAULT " + rs.getString(6))
                            + (rs.getBoolean(3) ? " NOT NULL" : ""));
                    if (name.equals("embedding")) {
                        qualifiedType = type;
                        storage = storageName(rs.getString(4));
                        extension = rs.getString(5) == null ? "" : rs.getString(5);
                    }
                }
            }
        }
        List<IndexEntry> indexes = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT i.relname, am.amname, pg_get_indexdef(i.oid), "
                + "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = x.indrelid AND a.attname = 'embedding' "
                + "AND a.attnum = ANY (x.indkey::int2[])) "
                + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam "
                + "WHERE x.indrelid = ? ORDER BY i.relname")) {
            st.setLong(1, oid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new IndexEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        List<ConstraintEntry> constraints = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE conrelid = ? ORDER BY contype DESC, conname")) {
            st.setLong(1, oid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    constraints.add(new ConstraintEntry(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new TableDdl(schema, table, keyType, columnType, qualifiedType, extension, storage, columns, indexes, constraints);
    }

    /** The DDL as a SQL script a person can read (and run by hand on an empty database). */
    String script(String takenAt) {
        String qualified = TableChecksums.quote(schema) + "." + TableChecksums.quote(table);
        StringBuilder s = new StringBuilder();
        s.append("-- DB Medic backup: ").append(schema).append('.').append(table).append(" as it was at ").append(takenAt).append('\n');
        s.append("-- embedding column: ").append(qualifiedType)
                .append(typeExtension.isEmpty() ? "" : " (type of extension " + typeExtension + ")")
                .append(", storage ").append(storage).append('\n');
        s.append("-- The rows are in ").append(BackupFiles.dataFileName(table))
                .append(" (gzip'd COPY text: key, embedding as real[]). Restore with: dbmedic restore URL --backup FOLDER\n");
        s.append("CREATE TABLE ").append(qualified).append(" (\n    ").append(String.join(",\n    ", columnDefinitions)).append("\n);\n");
        s.append("ALTER TABLE ").append(qualified).append(" ALTER COLUMN embedding SET STORAGE ").append(storage).append(";\n");
        for (ConstraintEntry con : constraints) {
            s.append("ALTER TABLE ").append(qualified).append(" ADD CONSTRAINT ").append(TableChecksums.quote(con.name()))
                    .append(' ').append(con.definition()).append(";\n");
        }
        for (IndexEntry index : indexes) {
            // Indexes that back a constraint come with it.
            if (constraints.stream().noneMatch(con -> con.name().equals(index.name()))) {
                s.append(index.definition()).append(";\n");
            }
        }
        return s.toString();
    }

    private static String storageName(String code) {
        return switch (code == null ? "" : code) {
            case "p" -> "PLAIN";
            case "e" -> "EXTERNAL";
            case "m" -> "MAIN";
            default -> "EXTENDED";
        };
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
