package dbmedic.core.postgres.backup;

import java.nio.file.Path;

/**
 * A pair of client programs found on this computer.
 *
 * @param pgDump    the {@code pg_dump} executable
 * @param pgRestore the {@code pg_restore} executable beside it
 * @param major     their major version (e.g. 15)
 * @param version   what {@code pg_dump --version} printed, e.g. {@code pg_dump (PostgreSQL) 15.10}
 */
public record PgTools(Path pgDump, Path pgRestore, int major, String version) {
}
