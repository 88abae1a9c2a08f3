package dbmedic.core.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** The few ways DB Medic opens a SQLite file; none of them creates a missing database. */
public final class SqliteConnections {
    private SqliteConnections() {
    }

    /**
     * Read-only, and SQLite told the file cannot change: no lock, no -shm, no -wal is
     * created or read. Only for files that have no -wal or -journal beside them (a backup
     * copy, or a cleanly closed database).
     */
    public static Connection immutable(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
    }

    /** Read-only; a WAL database is read with its -wal (SQLite may create -shm beside it). */
    public static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.resetOpenMode(SQLiteOpenMode.CREATE);
        return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?mode=ro");
    }

    /** Read-write on an existing file, waiting up to {@code busyMillis} for other connections' locks. */
    public static Connection readWrite(Path file, int busyMillis) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.resetOpenMode(SQLiteOpenMode.CREATE);
        cfg.setBusyTimeout(busyMillis);
        return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?mode=rw");
    }

    /** A scratch database DB Medic itself creates (the backup copy). */
    public static Connection scratch(Path file) throws SQLException {
        return new SQLiteConfig().createConnection("jdbc:sqlite:" + file.toAbsolutePath().toUri());
    }
}
