package dbmedic.core.immich.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers for the migration's catalog reads. */
final class Sql {
    private Sql() {
    }

    static Optional<String> text(Connection c, String sql, Object... args) throws SQLException {
        List<String> values = column(c, sql, args);
        return values.isEmpty() || values.get(0) == null ? Optional.empty() : Optional.of(values.get(0));
    }

    static List<String> column(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    static boolean bool(Connection c, String sql, Object... args) throws SQLException {
        return text(c, sql, args).map(v -> v.equals("t") || v.equals("true")).orElse(false);
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
