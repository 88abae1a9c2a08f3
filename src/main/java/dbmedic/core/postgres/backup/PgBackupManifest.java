package dbmedic.core.postgres.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code manifest.json} of a PostgreSQL backup folder: where the backup came from (never with a
 * password), what each file must hash to, and enough of each vector table's DDL to restore it.
 *
 * @param format         this file's format version ({@link #FORMAT})
 * @param dbMedicVersion the DB Medic that wrote it
 * @param target         the database, as {@code postgresql://user@host:port/db} without password
 * @param serverVersion  PostgreSQL's {@code server_version}
 * @param serverMajor    its major
 * @param immichVersion  newest {@code version_history} row, or empty
 * @param createdAt      ISO-8601 instant the backup started
 * @param verifiedAt     ISO-8601 instant every file was re-read and matched; null until then
 * @param tables         the vector tables backed up
 * @param dump           the pg_dump file, or null
 * @param dumpNote       plain words on the dump (why there is none, or what made it)
 * @param origin         the cluster, table oids and snapshot the backup read (null in older manifests)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PgBackupManifest(int format, String dbMedicVersion, String target, String serverVersion, int serverMajor,
        String immichVersion, String createdAt, String verifiedAt, List<TableEntry> tables, DumpEntry dump,
        String dumpNote, BackupOrigin origin) {

    public static final int FORMAT = 1;
    /** What identifies the file as ours (a manifest.json of another tool lacks it). */
    public static final String KIND = "dbmedic-postgresql-backup";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public PgBackupManifest {
        tables = tables == null ? List.of() : List.copyOf(tables);
        dumpNote = dumpNote == null ? "" : dumpNote;
        immichVersion = immichVersion == null ? "" : immichVersion;
    }

    /** Always {@link #KIND}; written so a reader can tell the file is a DB Medic backup manifest. */
    @com.fasterxml.jackson.annotation.JsonProperty("kind")
    public String kind() {
        return KIND;
    }

    public PgBackupManifest verified(String at) {
        return new PgBackupManifest(format, dbMedicVersion, target, serverVersion, serverMajor, immichVersion, createdAt,
                at, tables, dump, dumpNote, origin);
    }

    /** Written to a temporary file first and moved over, so a reader never sees half a manifest. */
    public void write(Path folder) throws IOException {
        Path tmp = folder.resolve(BackupFiles.MANIFEST + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, folder.resolve(BackupFiles.MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    static PgBackupManifest read(Path manifest) throws IOException {
        var tree = JSON.readTree(manifest.toFile());
        if (tree == null || !tree.isObject() || !KIND.equals(tree.path("kind").asText())) {
            throw new IOException("it is not a DB Medic backup manifest");
        }
        return JSON.treeToValue(tree, PgBackupManifest.class);
    }

    /**
     * One vector table as backed up.
     *
     * @param table         table name
     * @param schema        its schema (e.g. {@code public})
     * @param keyColumn     primary-key column ({@code assetId}, {@code faceId})
     * @param keyType       its type ({@code uuid})
     * @param columnType    the embedding column's type as printed on the session's search_path
     * @param qualifiedType the same, schema-qualified (e.g. {@code vectors.vector(512)}, {@code public.vector(512)}, {@code real[]})
     * @param typeExtension the extension that owns the type ({@code vectors}, {@code vector}), or empty
     * @param storage       the column's storage ({@code EXTERNAL}, {@code EXTENDED}, ...)
     * @param rows          rows copied
     * @param sha256        content checksum, equal to {@link TableChecksums#of}
     * @param dataFile      the gzip'd COPY data, file name in the folder
     * @param dataBytes     its size
     * @param dataSha256    SHA-256 of the .gz file itself
     * @param ddlFile       the DDL, file name in the folder
     * @param ddlSha256     SHA-256 of the DDL file
     * @param indexes       the table's indexes
     * @param constraints   the table's constraints, as {@code pg_get_constraintdef} prints them
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TableEntry(String table, String schema, String keyColumn, String keyType, String columnType,
            String qualifiedType, String typeExtension, String storage, long rows, String sha256, String dataFile,
            long dataBytes, String dataSha256, String ddlFile, String ddlSha256, List<IndexEntry> indexes,
            List<ConstraintEntry> constraints) {
        public TableEntry {
            indexes = indexes == null ? List.of() : List.copyOf(indexes);
            constraints = constraints == null ? List.of() : List.copyOf(constraints);
            typeExtension = typeExtension == null ? "" : typeExtension;
        }

        public TableSnapshot snapshot() {
            return new TableSnapshot(table, keyColumn, columnType, rows, sha256);
        }
    }

    /**
     * @param name         index name
     * @param accessMethod {@code btree}, {@code vectors}, {@code vchordrq}, {@code hnsw}...
     * @param definition   {@code pg_get_indexdef}, schema-qualified
     * @param onEmbedding  true when it indexes the embedding column (a vector index)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndexEntry(String name, String accessMethod, String definition, boolean onEmbedding) {
    }

    /** @param name constraint name; @param definition {@code pg_get_constraintdef} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConstraintEntry(String name, String definition) {
    }

    /**
     * @param file       file name in the folder
     * @param bytes      its size
     * @param sha256     its SHA-256
     * @param tocEntries entries {@code pg_restore --list} found; -1 when no pg_restore here could read it
     * @param producedBy what made it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DumpEntry(String file, long bytes, String sha256, int tocEntries, String producedBy) {
    }
}
