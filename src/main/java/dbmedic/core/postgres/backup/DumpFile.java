package dbmedic.core.postgres.backup;

import java.nio.file.Path;

/**
 * A finished custom-format dump.
 *
 * @param file       where it was written
 * @param bytes      its size
 * @param producedBy plain words on what made it, e.g. {@code pg_dump (PostgreSQL) 15.10 on this computer}
 */
public record DumpFile(Path file, long bytes, String producedBy) {
}
