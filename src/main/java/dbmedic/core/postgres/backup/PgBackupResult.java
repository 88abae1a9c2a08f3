package dbmedic.core.postgres.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A backup of an Immich database as DB Medic wrote it in one folder: an optional
 * {@code pg_dump -Fc} file of the whole database, and always the vector tables
 * ({@code smart_search}, {@code face_search}) as gzip'd COPY data with their DDL.
 *
 * @param folder        the backup folder ({@code immich-<database>-<yyyyMMdd-HHmmss>})
 * @param dumpFile      the pg_dump custom-format file, when one could be made
 * @param dumpNote      plain words on the dump: why there is none, or who made it
 * @param tables        the vector tables backed up, with their rows and content checksums
 * @param verified      true when every file was re-read and matched the manifest
 * @param createdAt     when the backup was taken
 * @param serverVersion PostgreSQL's {@code server_version}
 * @param immichVersion the newest {@code version_history} row, or empty text when unknown
 * @param bytes         total size of the folder's files
 * @param origin        the cluster, tables and snapshot the backup read, or null (older backups)
 */
public record PgBackupResult(Path folder, Optional<Path> dumpFile, String dumpNote, List<TableSnapshot> tables,
        boolean verified, Instant createdAt, String serverVersion, String immichVersion, long bytes,
        BackupOrigin origin) {

    public PgBackupResult {
        dumpFile = dumpFile == null ? Optional.empty() : dumpFile;
        dumpNote = dumpNote == null ? "" : dumpNote;
        tables = List.copyOf(tables);
        immichVersion = immichVersion == null ? "" : immichVersion;
    }

    /** The snapshot of one table, when it was backed up. */
    public Optional<TableSnapshot> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }

    /** The gzip'd COPY data of a table in this backup. */
    public Path dataFile(String table) {
        return folder.resolve(BackupFiles.dataFileName(table));
    }

    /** The DDL (column type, constraints, indexes, storage) of a table in this backup. */
    public Path ddlFile(String table) {
        return folder.resolve(BackupFiles.ddlFileName(table));
    }
}
