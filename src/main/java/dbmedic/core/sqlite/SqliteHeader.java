package dbmedic.core.sqlite;

/**
 * The parts of a SQLite file's 100-byte header DB Medic uses. {@code pageCount} is the
 * in-header page count, or 0 when the header says it is not trustworthy (written by a
 * pre-3.7.0 SQLite); {@code writeVersion}/{@code readVersion} are 1 (rollback journal) or
 * 2 (WAL); {@code fileSize} is the main file's size in bytes.
 */
public record SqliteHeader(int pageSize, long pageCount, int writeVersion, int readVersion, long fileSize) {

    /** True when the database is in WAL mode (header bytes 18 and 19 are 2). */
    public boolean walMode() {
        return writeVersion == 2 || readVersion == 2;
    }

    public String journalModeName() {
        return walMode() ? "WAL" : "rollback-journal";
    }
}
