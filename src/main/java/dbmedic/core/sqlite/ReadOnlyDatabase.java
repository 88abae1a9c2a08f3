package dbmedic.core.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * A connection for diagnosis that cannot change the user's files: either the file itself
 * opened {@code immutable=1}, or a snapshot copy (with its -wal / -journal) in a temporary
 * folder that {@link #close()} deletes.
 */
public final class ReadOnlyDatabase implements AutoCloseable {
    private final Connection connection;
    private final Path original;
    private final Path snapshotFolder;

    ReadOnlyDatabase(Connection connection, Path original, Path snapshotFolder) {
        this.connection = connection;
        this.original = original;
        this.snapshotFolder = snapshotFolder;
    }

    public Connection connection() {
        return connection;
    }

    /** The user's database file. */
    public Path original() {
        return original;
    }

    /** True when a copy is being read (the original had a non-empty -wal or a -journal). */
    public boolean isSnapshot() {
        return snapshotFolder != null;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was written through this connection; closing cannot lose anything.
        }
        if (snapshotFolder != null) {
            deleteFolder(snapshotFolder);
        }
    }

    static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A leftover temp copy wastes space but harms nothing; the OS cleans its temp folder.
        }
    }
}
