package dbmedic.ui.immich;

import java.nio.file.Path;
import java.util.List;

/**
 * A backup as the wizard shows it.
 *
 * @param folder   the backup folder
 * @param bytes    its size on disk
 * @param tables   the vector tables copied, with rows and content checksum
 * @param dumpFile the pg_dump file, or null when none was made
 * @param dumpNote why there is no pg_dump file (or a remark on it), in plain words; may be null
 * @param verified true once the copy was read back and matched
 * @param problems why it did not verify, one sentence each (empty when verified)
 * @param evidence the engine's own record of the backup, handed back to the migration
 */
public record BackupView(Path folder, long bytes, List<TableView> tables, Path dumpFile, String dumpNote,
                         boolean verified, List<String> problems, Object evidence) {
    public BackupView {
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
    }

    /** One table's snapshot: rows and the SHA-256 of its keys and embeddings. */
    public record TableView(String table, String columnType, long rows, String sha256) {
        /** The first 12 hex digits: enough to compare by eye. */
        public String shortSha() {
            return sha256 == null ? "" : sha256.substring(0, Math.min(12, sha256.length()));
        }
    }
}
