package dbmedic.core.sqlite;

import dbmedic.core.target.PathText;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.UnusableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.ToLongFunction;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens a SQLite database for diagnosis without writing a byte next to it. {@code mode=ro}
 * is not enough: in a writable folder it still creates -shm (and -wal) files, and
 * {@code immutable=1} ignores the -wal. So: with no -wal content and no -journal, the file
 * is opened {@code immutable=1} (all data is in the main file, nothing is created); otherwise
 * the file and its -wal / -journal are copied to a temporary folder and the copy is opened,
 * so WAL-only commits are seen and recovery happens in the copy.
 */
public final class SqliteOpener {
    /** Recovery may checkpoint the WAL into the copy; keep a margin on top. */
    private static final long SPACE_MARGIN = 1L << 20;
    private static final int BUSY_TIMEOUT_MS = 2000;

    private final Path tempRoot;
    private final ToLongFunction<Path> freeSpace;

    /** Copies go to the system's temporary folder. */
    public SqliteOpener() {
        this(null);
    }

    /** Copies go to {@code tempRoot} (null: the system's temporary folder). */
    public SqliteOpener(Path tempRoot) {
        this(tempRoot, SqliteOpener::usableSpace);
    }

    /** {@code freeSpace} measures a folder's usable bytes (tests stand in a full disk). */
    SqliteOpener(Path tempRoot, ToLongFunction<Path> freeSpace) {
        this.tempRoot = tempRoot;
        this.freeSpace = freeSpace;
    }

    private static long usableSpace(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: let the copy itself fail with the real error
        }
    }

    public static ReadOnlyDatabase open(SqliteTarget target) throws UnusableInputException {
        return new SqliteOpener().openForDiagnosis(target);
    }

    public ReadOnlyDatabase openForDiagnosis(SqliteTarget target) throws UnusableInputException {
        long walSize = sizeOrZero(target.wal());
        boolean journal = Files.exists(target.journal()) && sizeOrZero(target.journal()) > 0;
        if (walSize == 0 && !journal) {
            return openImmutable(target.database());
        }
        return openSnapshot(target, walSize, journal);
    }

    private ReadOnlyDatabase openImmutable(Path database) throws UnusableInputException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        String url = "jdbc:sqlite:" + SqliteUris.fileUri(database, "immutable=1");
        try {
            return new ReadOnlyDatabase(config.createConnection(url), database, null);
        } catch (SQLException e) {
            throw cannotOpen(database, e);
        }
    }

    private ReadOnlyDatabase openSnapshot(SqliteTarget target, long walSize, boolean journal)
            throws UnusableInputException {
        Path database = target.database();
        String shown = PathText.of(database);
        Path folder = null;
        try {
            long dbSize = Files.size(database);
            long journalSize = journal ? Files.size(target.journal()) : 0;
            folder = tempRoot == null ? Files.createTempDirectory("dbmedic-snapshot-")
                    : Files.createTempDirectory(tempRoot, "dbmedic-snapshot-");
            // If the program dies before close(), the copy of the user's data still goes.
            folder.toFile().deleteOnExit();
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                folder.resolve("snapshot.db" + suffix).toFile().deleteOnExit();
            }
            long need = dbSize + 2 * walSize + journalSize + SPACE_MARGIN;
            long free = freeSpace.applyAsLong(folder);
            if (free < need) {
                throw new UnusableInputException("Not enough free space to read " + shown + " safely: its copy needs "
                        + megabytes(need) + " in " + PathText.of(folder.getParent()) + ", which has " + megabytes(free)
                        + " free (stop the app so SQLite folds the -wal into the database, or free some space)");
            }
            Path copy = folder.resolve("snapshot.db");
            copy(database, copy);
            if (walSize > 0) {
                copy(target.wal(), folder.resolve("snapshot.db-wal"));
            }
            if (journal) {
                copy(target.journal(), folder.resolve("snapshot.db-journal"));
            }
            Connection connection = openCopy(copy);
            return new ReadOnlyDatabase(connection, database, folder);
        } catch (UnusableInputException e) {
            cleanUp(folder);
            throw e;
        } catch (IOException e) {
            cleanUp(folder);
            throw new UnusableInputException("Cannot copy " + shown + " with its -wal/-journal to read it safely: "
                    + SqliteFileProbe.oneLine(e.getMessage()), e);
        } catch (SQLException e) {
            cleanUp(folder);
            throw cannotOpen(database, e);
        }
    }

    /** The copy is ours: open it read-write so SQLite can roll back a hot journal, then forbid writes. */
    private static Connection openCopy(Path copy) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection connection = config.createConnection("jdbc:sqlite:" + SqliteUris.fileUri(copy, ""));
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA query_only = ON");
            // Runs WAL recovery / hot-journal rollback now, inside the copy (query_only does not stop them).
            st.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            if (!SqliteErrors.isCorrupt(e)) {
                connection.close();
                throw e;
            }
            // A damaged schema is a finding, reported when the diagnosis reads it, not a refusal.
        }
        return connection;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to);
        // A read-only original would give a read-only copy, and recovery must write to it.
        to.toFile().setWritable(true, true);
    }

    private static void cleanUp(Path folder) {
        if (folder != null) {
            ReadOnlyDatabase.deleteFolder(folder);
        }
    }

    static UnusableInputException cannotOpen(Path database, SQLException e) {
        return new UnusableInputException("SQLite cannot open " + PathText.of(database) + ": "
                + SqliteErrors.plain(e), e);
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
