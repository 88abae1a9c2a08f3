package dbmedic.core.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** {@code PRAGMA integrity_check} as one line: "ok", or SQLite's rows joined with "; ". */
public final class IntegrityPragma {
    private IntegrityPragma() {
    }

    public static String integrityCheck(Statement st) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                if (!sb.isEmpty()) {
                    sb.append("; ");
                }
                sb.append(rs.getString(1));
            }
        }
        return sb.toString();
    }
}
