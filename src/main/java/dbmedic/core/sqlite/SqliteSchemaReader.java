package dbmedic.core.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a database's schema from {@code sqlite_schema} and {@code PRAGMA table_xinfo}
 * (table_info would hide generated columns). Reads only the schema, never the rows, so the
 * cost does not depend on the size of the data.
 */
public final class SqliteSchemaReader {
    private SqliteSchemaReader() {
    }

    public static SchemaSnapshot read(Connection connection) throws SQLException {
        List<SchemaObject> objects = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")) {
            while (rs.next()) {
                objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (SchemaObject o : objects) {
            if (o.type().equals("table") && !o.name().startsWith("sqlite_")) {
                tables.put(o.name(), new TableInfo(o.name(), o.sql(), columnsOrNone(connection, o)));
            }
        }
        return new SchemaSnapshot(tables, objects);
    }

    /**
     * A virtual table whose module this SQLite lacks (an extension such as sqlite-vec) cannot
     * list its columns ("no such module"); it is kept without columns instead of making the
     * whole database unreadable.
     */
    private static List<ColumnInfo> columnsOrNone(Connection connection, SchemaObject table) throws SQLException {
        try {
            return columns(connection, table.name());
        } catch (SQLException e) {
            if (table.sql() != null && table.sql().regionMatches(true, 0, "CREATE VIRTUAL TABLE", 0, 20)) {
                return List.of();
            }
            throw e;
        }
    }

    public static List<ColumnInfo> columns(Connection connection, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        // pragma_table_xinfo() takes the name as a bound value: hostile names stay data.
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new ColumnInfo(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4) != 0, rs.getString(5), rs.getInt(6), rs.getInt(7)));
                }
            }
        }
        return columns;
    }
}
