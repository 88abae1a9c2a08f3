package dbmedic.core.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where else the vector extensions are installed: {@code installed_version} is per database,
 * so an extension created at a {@code postgres=#} prompt does not count for Immich's database
 * (immich#18708). Each other database is opened read-only with the same credentials.
 */
final class OtherDatabases {
    private static final int MAX_DATABASES = 30;

    private OtherDatabases() {
    }

    /** Extension name → "database (version)" entries, plus "?" entries for databases that could not be opened. */
    static Map<String, List<String>> installed(PgQuery q, PostgresTarget target, PostgresOptions options, char[] password)
            throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate "
                + "AND datname <> current_database() ORDER BY datname LIMIT " + MAX_DATABASES)) {
            String db = PgQuery.str(r, "datname");
            try (Connection c = PgConnector.open(target.withDatabase(db), options, password).connection()) {
                for (Map<String, Object> e : new PgQuery(c).rows("SELECT extname, extversion FROM pg_extension "
                        + "WHERE extname IN ('vchord', 'vectors', 'vector')")) {
                    out.computeIfAbsent(PgQuery.str(e, "extname"), k -> new ArrayList<>())
                            .add(db + " (" + PgQuery.str(e, "extversion") + ")");
                }
            } catch (SQLException e) {
                skipped.add(db);
            }
        }
        if (!skipped.isEmpty()) {
            out.put("?", skipped);
        }
        return out;
    }
}
