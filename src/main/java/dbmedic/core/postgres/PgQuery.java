package dbmedic.core.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small read-only query helpers over one diagnosis connection (SELECT and SHOW only). */
final class PgQuery {
    private final Connection connection;

    PgQuery(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    List<Map<String, Object>> rows(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        Object v = rs.getObject(c);
                        if (v instanceof java.sql.Array a) {
                            v = List.of((Object[]) a.getArray());
                        }
                        row.put(md.getColumnLabel(c), v);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** First column of the first row as text; empty when no row or NULL. */
    Optional<String> text(String sql, Object... args) throws SQLException {
        List<Map<String, Object>> r = rows(sql, args);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Object v = r.get(0).values().iterator().next();
        return Optional.ofNullable(v).map(String::valueOf);
    }

    boolean bool(String sql, Object... args) throws SQLException {
        return text(sql, args).map(s -> s.equals("t") || s.equals("true") || s.equals("on")).orElse(false);
    }

    /** True when {@code relname} is a table visible on the search path. */
    boolean tableExists(String relname) throws SQLException {
        return bool("SELECT EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = ? AND c.relkind IN ('r','p') "
                + "AND pg_table_is_visible(c.oid))", relname);
    }

    static String str(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : String.valueOf(v);
    }
}
