package dbmedic.core.immich.migrate;

import dbmedic.core.postgres.backup.TableSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the migration needs from a backup before it changes anything: where it is, whether it
 * was verified, and the content snapshot of each vector table at backup time. A phase is
 * applied only when the live tables still equal these snapshots (nothing changed since).
 */
public interface BackupEvidence {
    Path folder();

    boolean verified();

    List<TableSnapshot> tables();

    default Optional<TableSnapshot> table(String name) {
        return tables().stream().filter(t -> t.table().equals(name)).findFirst();
    }
}
