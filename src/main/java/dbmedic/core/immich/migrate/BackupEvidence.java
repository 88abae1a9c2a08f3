package dbmedic.core.immich.migrate;

import dbmedic.core.postgres.backup.BackupOrigin;
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

    /** Evidence from parts (tests, or a backup read from its manifest), without its origin. */
    static BackupEvidence of(Path folder, boolean verified, List<TableSnapshot> tables) {
        return of(folder, verified, tables, null);
    }

    /** Evidence from parts; {@code origin} null when unknown (every table is then hashed again). */
    static BackupEvidence of(Path folder, boolean verified, List<TableSnapshot> tables, BackupOrigin origin) {
        List<TableSnapshot> copy = List.copyOf(tables);
        return new BackupEvidence() {
            @Override
            public Path folder() {
                return folder;
            }

            @Override
            public boolean verified() {
                return verified;
            }

            @Override
            public List<TableSnapshot> tables() {
                return copy;
            }

            @Override
            public Optional<BackupOrigin> origin() {
                return Optional.ofNullable(origin);
            }
        };
    }

    /** The pgbackup result ({@code dbmedic.core.postgres.backup.ImmichBackup}) as evidence. */
    static BackupEvidence of(dbmedic.core.postgres.backup.PgBackupResult backup) {
        return of(backup.folder(), backup.verified(), backup.tables(), backup.origin());
    }

    /** Where and when the backup read the tables (lets a phase skip re-hashing an untouched table); empty: unknown. */
    default Optional<BackupOrigin> origin() {
        return Optional.empty();
    }

    default Optional<TableSnapshot> table(String name) {
        return tables().stream().filter(t -> t.table().equals(name)).findFirst();
    }
}
