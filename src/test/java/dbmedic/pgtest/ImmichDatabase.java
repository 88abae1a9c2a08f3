package dbmedic.pgtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Immich-shaped database (knowledge/immich.md §5) on a {@link PgServer}: version_history,
 * kysely_migrations (+ lock), system_metadata, the asset and face tables (renamed at 1.136.0),
 * smart_search / face_search typed by the chosen vector extension, their clip_index /
 * face_index, N rows with deterministic embeddings, and database-level settings.
 *
 * <pre>
 * ImmichDatabase db = ImmichDatabase.on(pg).immichVersion("1.132.3").extension(VectorExtension.PGVECTORS).rows(20).create();
 * </pre>
 */
public final class ImmichDatabase {

    /** The vector extension era of a database. */
    public enum VectorExtension {
        /** pgvecto.rs: {@code vectors.vector(D)}, {@code USING vectors (embedding vector_cos_ops)}, search_path with vectors. */
        PGVECTORS("vectors"),
        /** VectorChord: {@code vector(D)} (pgvector's type), {@code USING vchordrq (embedding vector_cosine_ops)}. */
        VECTORCHORD("vchord"),
        /** pgvector alone: {@code vector(D)}, {@code USING hnsw (embedding vector_cosine_ops)}. */
        PGVECTOR("vector");

        private final String extensionName;

        VectorExtension(String extensionName) {
            this.extensionName = extensionName;
        }

        /** The SQL extension name ({@code vectors}, {@code vchord}, {@code vector}). */
        public String extensionName() {
            return extensionName;
        }
    }

    /** Last Kysely migration of some releases (immich.md §5.2), oldest first, with the release that brought it. */
    private static final String[][] MIGRATIONS = {
        {"1.132.0", "1744910873969-InitialMigration"},
        {"1.133.0", "1747664684909-AddAlbumAuditTables"},
        {"1.136.0", "1753104909784-AssetFaceUpdateIdAndAuditTable"},
        {"2.0.0", "1756318797207-AssetMetadataTables"},
        {"2.7.5", "1775165531374-AddPersonNameTrigramIndex"},
        {"3.1.0", "1784836013770-MinFacePreferenceMigration"},
    };

    private final PgServer server;
    private final String name;
    private final String immichVersion;
    private final VectorExtension extension;
    private final int clipDimension;
    private final int rows;

    private ImmichDatabase(Builder builder) {
        this.server = builder.server;
        this.name = builder.name;
        this.immichVersion = builder.immichVersion;
        this.extension = builder.extension;
        this.clipDimension = builder.clipDimension;
        this.rows = builder.rows;
    }

    public static Builder on(PgServer server) {
        return new Builder(server);
    }

    public String name() {
        return name;
    }

    public String immichVersion() {
        return immichVersion;
    }

    /** The vector extension the tables are typed by, or null for real[] columns without an extension. */
    public VectorExtension extension() {
        return extension;
    }

    public int clipDimension() {
        return clipDimension;
    }

    public int rows() {
        return rows;
    }

    /** {@code assets} before Immich 1.136.0, {@code asset} from then on. */
    public String assetTable() {
        return assetTable(immichVersion);
    }

    /** {@code asset_faces} before Immich 1.136.0, {@code asset_face} from then on. */
    public String faceTable() {
        return compare(immichVersion, "1.136.0") >= 0 ? "asset_face" : "asset_faces";
    }

    /** A checksum of a vector table's rows (id and embedding as text, in id order), to compare before and after a repair. */
    public String checksum(String table) {
        String id = "smart_search".equals(table) ? "\"assetId\"" : "\"faceId\"";
        return server.queryValue(name, "SELECT count(*) || ':' || coalesce(md5(string_agg(" + id
                + "::text || '=' || embedding::text, ',' ORDER BY " + id + ")), '') FROM " + table);
    }

    public PgServer server() {
        return server;
    }

    private static String assetTable(String version) {
        return compare(version, "1.136.0") >= 0 ? "asset" : "assets";
    }

    static int compare(String a, String b) {
        String[] x = a.replaceFirst("^v", "").split("\\.");
        String[] y = b.replaceFirst("^v", "").split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i].replaceAll("\\D.*", "")) : 0;
            int q = i < y.length ? Integer.parseInt(y[i].replaceAll("\\D.*", "")) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    /** What to build. Defaults: database {@code immich} owned by postgres, Immich 1.137.0, VectorChord, 512 dimensions, 10 rows. */
    public static final class Builder {
        private final PgServer server;
        private String name = "immich";
        private String owner = PgServer.SUPERUSER;
        private String immichVersion = "1.137.0";
        private VectorExtension extension = VectorExtension.VECTORCHORD;
        private int clipDimension = 512;
        private int rows = 10;
        private int lists = 1;
        private boolean indexes = true;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder(PgServer server) {
            this.server = server;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Owner of the database and its tables (the role must exist, e.g. {@link PgServer#NORMAL_ROLE}). */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** Recorded in version_history; also decides table names and which Kysely migrations are recorded. */
        public Builder immichVersion(String version) {
            this.immichVersion = version.replaceFirst("^v", "");
            return this;
        }

        /**
         * The extension the vector columns use; it is created in this database (VectorChord needs a
         * server started with {@code shared_preload_libraries} naming vchord, as the real one does).
         * null: no vector extension, columns are {@code real[]} (the state in the middle of the
         * manual migration).
         */
        public Builder extension(VectorExtension extension) {
            this.extension = extension;
            return this;
        }

        /** Dimension of smart_search.embedding (the CLIP model's); face_search is always 512. */
        public Builder clipDimension(int dimension) {
            this.clipDimension = dimension;
            return this;
        }

        /** Number of assets (each with one face, one smart_search row and one face_search row). */
        public Builder rows(int rows) {
            this.rows = rows;
            return this;
        }

        /** VectorChord {@code lists = [N]} recorded in the index options (Immich's reindex decision reads it). */
        public Builder lists(int lists) {
            this.lists = lists;
            return this;
        }

        /** Leaves out clip_index and face_index. */
        public Builder withoutIndexes() {
            this.indexes = false;
            return this;
        }

        /** A database-level setting ({@code ALTER DATABASE ... SET name = value}), e.g. {@code vchordrq.probes}. */
        public Builder databaseSetting(String setting, String value) {
            settings.put(setting, value);
            return this;
        }

        public ImmichDatabase create() {
            server.createDatabase(name, owner);
            List<String> sql = new ArrayList<>();
            // What Immich's InitialMigration creates, then the vector extension.
            for (String contrib : List.of("uuid-ossp", "unaccent", "cube", "earthdistance", "pg_trgm")) {
                sql.add("CREATE EXTENSION IF NOT EXISTS " + Sql.identifier(contrib));
            }
            if (extension != null) {
                sql.add("CREATE EXTENSION IF NOT EXISTS " + extension.extensionName() + " CASCADE");
            }
            server.execute(name, sql.toArray(String[]::new));

            Map<String, String> databaseSettings = new LinkedHashMap<>();
            if (extension == VectorExtension.PGVECTORS) {
                databaseSettings.put("search_path", "\"$user\", public, vectors");
            }
            if (extension == VectorExtension.VECTORCHORD) {
                databaseSettings.put("vchordrq.probes", "1");
            }
            databaseSettings.putAll(settings);
            List<String> alter = new ArrayList<>();
            databaseSettings.forEach((setting, value) -> alter.add("ALTER DATABASE " + Sql.identifier(name) + " SET "
                    + setting + " = " + (setting.equals("search_path") ? value : Sql.literal(value))));
            server.execute(name, alter.toArray(String[]::new));

            if (extension == VectorExtension.PGVECTORS) {
                // As Immich's pgvecto.rs setup instructions had it: the owner uses the vectors schema.
                server.execute(name, "GRANT USAGE ON SCHEMA vectors TO " + Sql.identifier(owner));
            }
            // Tables belong to the owner, as when Immich (connected as that role) created them.
            asOwner(schema());
            asOwner(rowsSql());
            if (indexes && extension != null) {
                asOwner(indexSql());
                // The stand-in access methods accept no index options, so the options Immich
                // gives are recorded directly in the catalog (pg_get_indexdef shows them as usual).
                server.execute(name, indexOptionsSql().toArray(String[]::new));
            }
            return new ImmichDatabase(this);
        }

        private void asOwner(List<String> statements) {
            List<String> all = new ArrayList<>();
            all.add("SET ROLE " + Sql.identifier(owner));
            all.addAll(statements);
            server.execute(name, all.toArray(String[]::new));
        }

        private String vectorType(int dimension) {
            if (extension == null) {
                return "real[]";
            }
            return (extension == VectorExtension.PGVECTORS ? "vectors.vector" : "vector") + "(" + dimension + ")";
        }

        private List<String> schema() {
            String asset = assetTable(immichVersion);
            String face = compare(immichVersion, "1.136.0") >= 0 ? "asset_face" : "asset_faces";
            List<String> sql = new ArrayList<>();
            sql.add("CREATE TABLE version_history (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(),"
                    + " \"createdAt\" timestamp with time zone NOT NULL DEFAULT now(),"
                    + " \"version\" character varying NOT NULL, CONSTRAINT version_history_pkey PRIMARY KEY (\"id\"))");
            sql.add("CREATE TABLE kysely_migrations (\"name\" varchar(255) NOT NULL PRIMARY KEY, \"timestamp\" varchar(255) NOT NULL)");
            sql.add("CREATE TABLE kysely_migrations_lock (\"id\" varchar(255) NOT NULL PRIMARY KEY, \"is_locked\" integer NOT NULL DEFAULT 0)");
            sql.add("CREATE TABLE system_metadata (\"key\" character varying NOT NULL PRIMARY KEY, \"value\" jsonb NOT NULL)");
            sql.add("CREATE TABLE " + asset + " (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4() PRIMARY KEY,"
                    + " \"originalPath\" character varying NOT NULL,"
                    + " \"createdAt\" timestamp with time zone NOT NULL DEFAULT now())");
            sql.add("CREATE TABLE " + face + " (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4() PRIMARY KEY,"
                    + " \"assetId\" uuid NOT NULL REFERENCES " + asset + " (\"id\") ON DELETE CASCADE)");
            sql.add("CREATE TABLE smart_search (\"assetId\" uuid NOT NULL, \"embedding\" " + vectorType(clipDimension) + " NOT NULL,"
                    + " CONSTRAINT smart_search_pkey PRIMARY KEY (\"assetId\"),"
                    + " CONSTRAINT \"smart_search_assetId_fkey\" FOREIGN KEY (\"assetId\") REFERENCES " + asset
                    + " (\"id\") ON UPDATE NO ACTION ON DELETE CASCADE)");
            sql.add("ALTER TABLE smart_search ALTER COLUMN embedding SET STORAGE EXTERNAL");
            sql.add("CREATE TABLE face_search (\"faceId\" uuid NOT NULL, \"embedding\" " + vectorType(512) + " NOT NULL,"
                    + " CONSTRAINT face_search_pkey PRIMARY KEY (\"faceId\"),"
                    + " CONSTRAINT \"face_search_faceId_fkey\" FOREIGN KEY (\"faceId\") REFERENCES " + face
                    + " (\"id\") ON UPDATE NO ACTION ON DELETE CASCADE)");
            sql.add("INSERT INTO version_history (\"version\") VALUES (" + Sql.literal(immichVersion) + ")");
            sql.add("INSERT INTO kysely_migrations_lock VALUES ('migration_lock', 0)");
            for (String[] migration : MIGRATIONS) {
                if (compare(immichVersion, migration[0]) >= 0) {
                    sql.add("INSERT INTO kysely_migrations VALUES (" + Sql.literal(migration[1])
                            + ", '2025-01-01T00:00:00.000Z')");
                }
            }
            return sql;
        }

        private List<String> rowsSql() {
            String asset = assetTable(immichVersion);
            String face = compare(immichVersion, "1.136.0") >= 0 ? "asset_face" : "asset_faces";
            List<String> sql = new ArrayList<>();
            sql.add("INSERT INTO " + asset + " (\"id\", \"originalPath\") SELECT md5('asset-' || i)::uuid,"
                    + " '/usr/src/app/upload/library/' || i || '.jpg' FROM generate_series(1, " + rows + ") i");
            sql.add("INSERT INTO " + face + " (\"id\", \"assetId\") SELECT md5('face-' || i)::uuid, md5('asset-' || i)::uuid"
                    + " FROM generate_series(1, " + rows + ") i");
            sql.add("INSERT INTO smart_search SELECT md5('asset-' || i)::uuid, " + embedding(clipDimension)
                    + " FROM generate_series(1, " + rows + ") i");
            sql.add("INSERT INTO face_search SELECT md5('face-' || i)::uuid, " + embedding(512)
                    + " FROM generate_series(1, " + rows + ") i");
            return sql;
        }

        /** Deterministic values in [-1, 1], different per row i and per dimension. */
        private static String embedding(int dimension) {
            return "(SELECT array_agg((((i * 7919 + d * 104729) % 2001 - 1000) / 1000.0)::real ORDER BY d)"
                    + " FROM generate_series(1, " + dimension + ") d)";
        }

        private List<String> indexSql() {
            List<String> sql = new ArrayList<>();
            for (String[] index : new String[][] {{"clip_index", "smart_search"}, {"face_index", "face_search"}}) {
                switch (extension) {
                    case VECTORCHORD -> sql.add("CREATE INDEX IF NOT EXISTS " + index[0] + " ON " + index[1]
                            + " USING vchordrq (embedding vector_cosine_ops)");
                    case PGVECTORS -> sql.add("CREATE INDEX IF NOT EXISTS " + index[0] + " ON " + index[1]
                            + " USING vectors (embedding vectors.vector_cos_ops)");
                    case PGVECTOR -> sql.add("CREATE INDEX IF NOT EXISTS " + index[0] + " ON " + index[1]
                            + " USING hnsw (embedding vector_cosine_ops)");
                    default -> throw new IllegalStateException();
                }
            }
            return sql;
        }

        /** The WITH (...) options of Immich's vectorIndexQuery (immich.md §4.4), per era. */
        private List<String> indexOptionsSql() {
            String options = switch (extension) {
                case VECTORCHORD -> "ARRAY['options=residual_quantization = false\n[build.internal]\nlists = [" + lists
                        + "]\nspherical_centroids = true\nbuild_threads = 4\nsampling_factor = 1024\n']";
                case PGVECTORS -> "ARRAY['options=optimizing.optimizing_threads = 4\n[indexing.hnsw]\nm = 16\nef_construction = 300\n']";
                case PGVECTOR -> "ARRAY['m=16', 'ef_construction=300']";
            };
            return List.of("UPDATE pg_catalog.pg_class SET reloptions = " + options
                    + " WHERE relname IN ('clip_index', 'face_index') AND relkind = 'i'");
        }
    }
}
