package dbmedic.core.knowledge;

import dbmedic.core.sqlite.SqlIdentifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The read-only SELECTs the version schemes run; names come from the pack and are quoted. */
final class VersionQueries {
    /** A database could hold any number of rows; the version needs only a few. */
    static final int MAX_ROWS = 10_000;
    static final int MAX_TEXT = 200;

    private VersionQueries() {
    }

    /** MAX(column) as SQLite returns it: a Long, a Double, a String, or null. */
    static Object max(Connection connection, String table, String column) throws SQLException {
        String sql = "SELECT MAX(" + SqlIdentifiers.quote(column) + ") FROM " + SqlIdentifiers.quote(table);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            Object value = rs.getObject(1);
            return value instanceof Integer i ? Long.valueOf(i) : value;
        }
    }

    /** The column's non-null values as text, at most {@link #MAX_ROWS}, each cut to {@link #MAX_TEXT} chars. */
    static List<String> values(Connection connection, String table, String column) throws SQLException {
        String sql = "SELECT " + SqlIdentifiers.quote(column) + " FROM " + SqlIdentifiers.quote(table)
                + " WHERE " + SqlIdentifiers.quote(column) + " IS NOT NULL LIMIT " + MAX_ROWS;
        List<String> values = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(cut(rs.getString(1)));
            }
        }
        return values;
    }

    static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
