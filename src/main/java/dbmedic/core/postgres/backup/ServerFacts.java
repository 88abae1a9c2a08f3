package dbmedic.core.postgres.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a backup records about the server and the Immich database it reads. */
record ServerFacts(String serverVersion, int major, String immichVersion, List<String> tables) {

    static ServerFacts read(Connection c) throws SQLException {
        String version;
        int major;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('server_version_num')::int / 10000")) {
            rs.next();
            version = rs.getString(1);
            major = rs.getInt(2);
        }
        String immich = "";
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('version_history') IS NOT NULL, "
                     + "to_regclass('smart_search') IS NOT NULL, to_regclass('face_search') IS NOT NULL")) {
            rs.next();
            if (rs.getBoolean(1)) {
                try (Statement v = c.createStatement();
                     ResultSet vr = v.executeQuery("SELECT version FROM version_history ORDER BY \"createdAt\" DESC LIMIT 1")) {
                    immich = vr.next() ? vr.getString(1) : "";
                }
            }
            if (rs.getBoolean(2)) {
                tables.add("smart_search");
            }
            if (rs.getBoolean(3)) {
                tables.add("face_search");
            }
        }
        return new ServerFacts(version, major, immich, List.copyOf(tables));
    }
}
