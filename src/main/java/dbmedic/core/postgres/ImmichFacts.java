package dbmedic.core.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immich's own tables in this database: the recorded version (newest {@code version_history}
 * row), the newest Kysely migration, the two vector columns and their indexes.
 */
record ImmichFacts(boolean looksLikeImmich, Optional<String> version, Optional<String> latestMigration,
                   List<VectorColumn> columns, List<VectorIndex> indexes) {

    /** {@code extension} owns the column's type (null for real[] or an unknown type). */
    record VectorColumn(String table, String type, String typeName, String typeSchema, int typmod, String extension) {
        boolean pgvectors() {
            return "vectors".equals(extension) || "vectors".equals(typeSchema);
        }
    }

    record VectorIndex(String name, String table, String accessMethod, String definition) {
    }

    static ImmichFacts read(PgQuery q) throws SQLException {
        boolean history = q.tableExists("version_history");
        boolean kysely = q.tableExists("kysely_migrations");
        boolean typeorm = q.tableExists("migrations");
        boolean characteristic = q.tableExists("smart_search") || q.tableExists("asset") || q.tableExists("assets");
        boolean immich = history && (kysely || typeorm) && characteristic;
        Optional<String> version = history
                ? q.text("SELECT version FROM version_history ORDER BY \"createdAt\" DESC LIMIT 1") : Optional.empty();
        Optional<String> migration = kysely
                ? q.text("SELECT name FROM kysely_migrations ORDER BY name DESC LIMIT 1") : Optional.empty();
        List<VectorColumn> columns = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT c.relname AS tbl, format_type(a.atttypid, a.atttypmod) AS type, "
                + "t.typname, n.nspname AS typeschema, a.atttypmod, "
                + "(SELECT e.extname FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid "
                + " WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.refclassid = 'pg_extension'::regclass "
                + " AND d.deptype = 'e' LIMIT 1) AS ext "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attname = 'embedding' "
                + "AND c.relname IN ('smart_search', 'face_search') AND pg_table_is_visible(c.oid) ORDER BY c.relname")) {
            columns.add(new VectorColumn(PgQuery.str(r, "tbl"), PgQuery.str(r, "type"), PgQuery.str(r, "typname"),
                    PgQuery.str(r, "typeschema"), ((Number) r.get("atttypmod")).intValue(), PgQuery.str(r, "ext")));
        }
        List<VectorIndex> indexes = new ArrayList<>();
        for (Map<String, Object> r : q.rows("SELECT c.relname AS idx, t.relname AS tbl, am.amname, pg_get_indexdef(c.oid) AS def "
                + "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid "
                + "JOIN pg_am am ON am.oid = c.relam WHERE c.relname IN ('clip_index', 'face_index') "
                + "AND pg_table_is_visible(c.oid) ORDER BY c.relname")) {
            indexes.add(new VectorIndex(PgQuery.str(r, "idx"), PgQuery.str(r, "tbl"), PgQuery.str(r, "amname"),
                    PgQuery.str(r, "def")));
        }
        return new ImmichFacts(immich, version, migration, columns, indexes);
    }
}
