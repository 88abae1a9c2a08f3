package dbmedic.core.postgres;

import dbmedic.core.immich.ExtensionState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one read-only pass over the catalogs found, gathered once so every check works from
 * the same snapshot. Views that need superuser (pg_file_settings, pg_hba_file_rules) are
 * optional: their absence is a note, not a failure.
 */
record ServerFacts(String serverVersion, int serverVersionNum, String database, String user, boolean superuser,
                   boolean createOnDatabase, boolean inRecovery, boolean databaseDefaultReadOnly,
                   boolean transactionReadOnly, Setting preload, List<FileSetting> preloadFileLines,
                   Map<String, ExtensionState> vectorExtensions, Map<String, ExtensionMeta> extensionMeta,
                   boolean ssl, String passwordEncryption, String searchPath, List<String> databaseSettings,
                   List<Session> otherSessions) {

    static final List<String> VECTOR_EXTENSIONS = List.of("vchord", "vectors", "vector");

    /** {@code value} null: the role may not see this setting. */
    record Setting(String value, String source, String sourceFile, Integer sourceLine, boolean pendingRestart) {
        boolean visible() {
            return value != null;
        }
    }

    record FileSetting(String sourceFile, Integer sourceLine, String setting, boolean applied, String error) {
    }

    /** Installed owner (null when not installed here) and how the default version may be created. */
    record ExtensionMeta(String name, String owner, Boolean superuserOnly, Boolean trusted, List<String> requires) {
    }

    record Session(int pid, String user, String application, String clientAddress, String state) {
    }

    int major() {
        return serverVersionNum / 10000;
    }

    static ServerFacts read(PgQuery q, PgConnector.Opened opened) throws SQLException {
        String version = q.text("SHOW server_version").orElse("");
        int num = Integer.parseInt(q.text("SHOW server_version_num").orElse("0"));
        String db = q.text("SELECT current_database()").orElse("");
        String user = q.text("SELECT current_user").orElse("");
        boolean superuser = q.bool("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
        boolean create = q.bool("SELECT has_database_privilege(current_database(), 'CREATE')");
        boolean recovery = q.bool("SELECT pg_is_in_recovery()");

        // shared_preload_libraries is superuser-only (or pg_read_all_settings): the row is hidden otherwise.
        List<Map<String, Object>> preRows = q.rows("SELECT setting, source, sourcefile, sourceline, pending_restart FROM pg_settings "
                + "WHERE name = 'shared_preload_libraries'");
        Setting preload;
        if (preRows.isEmpty()) {
            preload = new Setting(null, null, null, null, false);
        } else {
            Map<String, Object> pre = preRows.get(0);
            Object line = pre.get("sourceline");
            preload = new Setting(PgQuery.str(pre, "setting"), PgQuery.str(pre, "source"), PgQuery.str(pre, "sourcefile"),
                    line == null ? null : ((Number) line).intValue(), Boolean.TRUE.equals(pre.get("pending_restart")));
        }
        List<FileSetting> fileLines = new ArrayList<>();
        if (superuser) {
            for (Map<String, Object> r : q.rows("SELECT sourcefile, sourceline, setting, applied, error FROM pg_file_settings "
                    + "WHERE name = 'shared_preload_libraries' ORDER BY seqno")) {
                Object l = r.get("sourceline");
                fileLines.add(new FileSetting(PgQuery.str(r, "sourcefile"), l == null ? null : ((Number) l).intValue(),
                        PgQuery.str(r, "setting"), Boolean.TRUE.equals(r.get("applied")), PgQuery.str(r, "error")));
            }
        }

        Map<String, ExtensionState> ext = new LinkedHashMap<>();
        for (Map<String, Object> r : q.rows("SELECT name, default_version, installed_version FROM pg_available_extensions "
                + "WHERE name IN ('vchord', 'vectors', 'vector')")) {
            ext.put(PgQuery.str(r, "name"), new ExtensionState(PgQuery.str(r, "name"), PgQuery.str(r, "default_version"),
                    PgQuery.str(r, "installed_version")));
        }
        Map<String, ExtensionMeta> meta = new LinkedHashMap<>();
        for (String name : List.of("vchord", "vectors", "vector", "earthdistance", "cube")) {
            List<Map<String, Object>> v = q.rows("SELECT v.superuser, v.trusted, v.requires FROM pg_available_extension_versions v "
                    + "JOIN pg_available_extensions a ON a.name = v.name AND a.default_version = v.version WHERE v.name = ?", name);
            Optional<String> owner = q.text("SELECT r.rolname FROM pg_extension e JOIN pg_roles r ON r.oid = e.extowner "
                    + "WHERE e.extname = ?", name);
            if (v.isEmpty() && owner.isEmpty()) {
                continue;
            }
            Boolean su = v.isEmpty() ? null : (Boolean) v.get(0).get("superuser");
            Boolean trusted = v.isEmpty() ? null : (Boolean) v.get(0).get("trusted");
            @SuppressWarnings("unchecked")
            List<String> requires = v.isEmpty() || v.get(0).get("requires") == null ? List.of()
                    : ((List<Object>) v.get(0).get("requires")).stream().map(String::valueOf).toList();
            meta.put(name, new ExtensionMeta(name, owner.orElse(null), su, trusted, requires));
        }
        boolean ssl = "on".equals(q.text("SHOW ssl").orElse("off"));
        String pwEnc = q.text("SHOW password_encryption").orElse(null);
        String searchPath = q.text("SELECT current_setting('search_path')").orElse("");
        List<String> dbSettings = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT coalesce(r.rolname, '(all roles)') AS role, s.setconfig FROM pg_db_role_setting s "
                + "LEFT JOIN pg_roles r ON r.oid = s.setrole WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "OR (s.setdatabase = 0 AND s.setrole = (SELECT oid FROM pg_roles WHERE rolname = current_user))")) {
            Object cfg = r.get("setconfig");
            if (cfg instanceof List<?> list) {
                for (Object o : list) {
                    dbSettings.add(PgQuery.str(r, "role") + ": " + o);
                }
            }
        }
        List<Session> sessions = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT pid, usename, application_name, host(client_addr) AS addr, state "
                + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND backend_type = 'client backend' ORDER BY pid")) {
            sessions.add(new Session(((Number) r.get("pid")).intValue(), PgQuery.str(r, "usename"),
                    PgQuery.str(r, "application_name"), PgQuery.str(r, "addr"), PgQuery.str(r, "state")));
        }
        return new ServerFacts(version, num, db, user, superuser, create, recovery, opened.databaseDefaultReadOnly(),
                opened.transactionReadOnly(), preload, fileLines, ext, meta, ssl, pwEnc, searchPath, dbSettings, sessions);
    }
}
