package dbmedic.core.immich.migrate;

import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link MigrationState} through one connection. Works on a read-only session (the
 * wizard's preview) and on the change session inside the phase's transaction (the guards are
 * checked again there, so nothing can change between check and apply).
 */
final class StateReader {
    static final List<String> EXTENSIONS = List.of("vector", "vectors", "vchord");

    private final MigrationPacks packs;

    StateReader(MigrationPacks packs) {
        this.packs = packs;
    }

    MigrationState read(Connection c, String serverKey, Progress progress) throws SQLException, CancelledException {
        progress.message("Reading the server's state");
        String serverVersion = Sql.text(c, "SHOW server_version").orElse("");
        int major = Integer.parseInt(Sql.text(c, "SELECT current_setting('server_version_num')").orElse("0")) / 10000;
        String database = Sql.text(c, "SELECT current_database()").orElseThrow();
        Optional<String> immich = Optional.empty();
        if (Sql.text(c, "SELECT to_regclass('version_history')::text").isPresent()) {
            immich = readable(c, "SELECT version FROM version_history ORDER BY \"createdAt\" DESC LIMIT 1");
        }
        progress.checkCancelled();
        Map<String, ExtensionInfo> extensions = extensions(c);
        PreloadSetting preload = preload(c);
        List<VectorTable> tables = new ArrayList<>();
        for (String table : packs.tableNames()) {
            progress.checkCancelled();
            table(c, table).ifPresent(tables::add);
        }
        List<OtherSession> sessions = sessions(c);
        boolean recovery = Sql.bool(c, "SELECT pg_is_in_recovery()");
        // reset_val: what a new session gets (file, database or role setting); this session may be read-only on purpose.
        boolean readOnly = recovery || Sql.text(c,
                "SELECT reset_val FROM pg_settings WHERE name = 'default_transaction_read_only'").orElse("off").equals("on");
        Optional<String> primary = recovery ? primaryHost(c) : Optional.empty();
        String user = Sql.text(c, "SELECT current_user").orElse("");
        Privileges privileges = privileges(c, major);
        boolean vectorsSchema = Sql.text(c, "SELECT to_regnamespace('vectors')::text").isPresent();
        return new MigrationState(serverKey, database, serverVersion, major, immich, extensions, preload, tables,
                sessions, recovery, readOnly, primary, user, privileges, vectorsSchema);
    }

    private static Optional<String> readable(Connection c, String sql) throws SQLException {
        try {
            return Sql.text(c, sql);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Map<String, ExtensionInfo> extensions(Connection c) throws SQLException {
        Map<String, ExtensionInfo> result = new LinkedHashMap<>();
        for (String name : EXTENSIONS) {
            Optional<String> def = Sql.text(c, "SELECT default_version FROM pg_available_extensions WHERE name = ?", name);
            List<String> versions = Sql.column(c,
                    "SELECT version FROM pg_available_extension_versions WHERE name = ? ORDER BY version", name);
            // pg_extension, not pg_available_extensions: an installed extension whose files are gone
            // (after an image swap) is still installed.
            Optional<String> installed = Sql.text(c, "SELECT extversion FROM pg_extension WHERE extname = ?", name);
            result.put(name, new ExtensionInfo(name, def, versions, installed));
        }
        return result;
    }

    private static PreloadSetting preload(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT setting, source, sourcefile, sourceline FROM pg_settings WHERE name = 'shared_preload_libraries'");
             ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                // GUC_SUPERUSER_ONLY: hidden from roles without pg_read_all_settings.
                return new PreloadSetting("", PreloadSetting.HIDDEN, Optional.empty(), Optional.empty(), Optional.empty());
            }
            int line = rs.getInt(4);
            Optional<Integer> sourceLine = rs.wasNull() ? Optional.empty() : Optional.of(line);
            return new PreloadSetting(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)), sourceLine,
                    fileValue(c));
        }
    }

    /** The files' value now (the last valid entry wins), when this role may read pg_file_settings. */
    private static Optional<String> fileValue(Connection c) throws SQLException {
        // Checked first: a query naming the view fails for other roles even where it is not reached.
        if (!Sql.bool(c, "SELECT has_table_privilege('pg_catalog.pg_file_settings', 'SELECT')")) {
            return Optional.empty();
        }
        // Not filtered on error: a changed restart-only setting reads "setting could not be applied".
        try (PreparedStatement st = c.prepareStatement("SELECT setting FROM pg_file_settings WHERE name ="
                + " 'shared_preload_libraries' ORDER BY seqno DESC LIMIT 1");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    private Optional<VectorTable> table(Connection c, String table) throws SQLException {
        String type;
        String typeSchema;
        String typeName;
        int typmod;
        try (PreparedStatement st = c.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod), n.nspname, t.typname, "
                + "a.atttypmod FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE c.relkind = 'r' AND c.relname = ? AND a.attname = 'embedding' AND a.attnum > 0 "
                + "AND NOT a.attisdropped AND pg_table_is_visible(c.oid)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                type = rs.getString(1);
                typeSchema = rs.getString(2);
                typeName = rs.getString(3);
                typmod = rs.getInt(4);
            }
        }
        long rows = Long.parseLong(Sql.text(c, "SELECT count(*) FROM " + Sql.identifier(table)).orElse("0"));
        List<IndexInfo> indexes = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ? ORDER BY indexname")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new IndexInfo(rs.getString(1), rs.getString(2)));
                }
            }
        }
        int stored = typmod;
        if ("_float4".equals(typeName)) {
            // real[] keeps no dimension; the stored arrays do (the journal is the first source).
            List<String> lengths = Sql.column(c, "SELECT DISTINCT array_length(embedding, 1) FROM "
                    + Sql.identifier(table) + " LIMIT 2");
            stored = lengths.size() == 1 && lengths.get(0) != null ? Integer.parseInt(lengths.get(0)) : -1;
        }
        return Optional.of(new VectorTable(table, packs.keyOf(table), type, typeSchema, typeName, typmod, rows,
                indexes, stored));
    }

    private static List<OtherSession> sessions(Connection c) throws SQLException {
        List<OtherSession> result = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT pid, usename, application_name, client_addr::text, state "
                + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND backend_type = 'client backend' ORDER BY pid");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                result.add(new OtherSession(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        }
        return result;
    }

    private static Optional<String> primaryHost(Connection c) {
        try {
            return Sql.text(c, "SELECT sender_host || ':' || sender_port FROM pg_stat_wal_receiver");
        } catch (SQLException e) {
            return Optional.empty(); // not visible to this role; the refusal says so without a host
        }
    }

    private static Privileges privileges(Connection c, int major) throws SQLException {
        boolean superuser = Sql.bool(c, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
        boolean ownsTables = Sql.bool(c, "SELECT coalesce(bool_and(pg_has_role(c.relowner, 'USAGE')), false) FROM pg_class c "
                + "WHERE c.relkind = 'r' AND c.relname IN ('smart_search', 'face_search') AND pg_table_is_visible(c.oid)");
        boolean create = Sql.bool(c, "SELECT has_database_privilege(current_database(), 'CREATE')");
        boolean ownsVectors = Sql.bool(c, "SELECT pg_has_role(extowner, 'USAGE') FROM pg_extension WHERE extname = 'vectors'");
        boolean ownsVector = Sql.bool(c, "SELECT pg_has_role(extowner, 'USAGE') FROM pg_extension WHERE extname = 'vector'");
        boolean alterSystem = superuser;
        if (!superuser && major >= 15) {
            alterSystem = Sql.bool(c, "SELECT has_parameter_privilege('shared_preload_libraries', 'ALTER SYSTEM')");
        }
        return new Privileges(superuser, superuser || ownsTables, superuser || create,
                superuser || ownsVectors, alterSystem, superuser || ownsVector);
    }
}
