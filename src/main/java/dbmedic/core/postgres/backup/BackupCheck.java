package dbmedic.core.postgres.backup;

import java.util.List;

/**
 * A backup folder re-checked against its manifest.
 *
 * @param result   the backup, {@code verified} only when {@code problems} is empty
 * @param problems one plain sentence per file that is missing or changed
 */
public record BackupCheck(PgBackupResult result, List<String> problems) {
    public BackupCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
