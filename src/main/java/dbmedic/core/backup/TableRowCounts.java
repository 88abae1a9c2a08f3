package dbmedic.core.backup;

import dbmedic.core.sqlite.SqlIdentifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows per ordinary table (virtual tables are skipped: their module may be missing, and
 * their rows live in shadow tables that are counted).
 */
public final class TableRowCounts {
    private TableRowCounts() {
    }

    public static Map<String, Long> count(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                     + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                String sql = rs.getString(2);
                if (sql == null || !sql.stripLeading().regionMatches(true, 0, "CREATE VIRTUAL", 0, 14)) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement st = connection.createStatement()) {
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SqlIdentifiers.quote(t))) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
