package dbmedic.core.plan;

import dbmedic.core.backup.SqliteConnections;
import dbmedic.core.target.SqliteTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A read-only view of the database for planning that creates no file beside it: the file
 * itself opened {@code immutable=1} when nothing else belongs to it, else a private copy of
 * the database with its -wal / -journal (opened on the copy, so SQLite's recovery runs there).
 */
final class PlanningSnapshot implements AutoCloseable {
    private final Connection connection;
    private final Path tempDir;

    private PlanningSnapshot(Connection connection, Path tempDir) {
        this.connection = connection;
        this.tempDir = tempDir;
    }

    static PlanningSnapshot open(SqliteTarget target) throws IOException, SQLException {
        Path db = target.database();
        if (!Files.exists(target.wal()) && !Files.exists(target.journal())) {
            return new PlanningSnapshot(SqliteConnections.immutable(db), null);
        }
        Path dir = Files.createTempDirectory("dbmedic-plan");
        try {
            Path copy = dir.resolve("snapshot.db");
            Files.copy(db, copy, StandardCopyOption.COPY_ATTRIBUTES);
            for (String suffix : new String[]{"-wal", "-journal"}) {
                Path side = db.resolveSibling(db.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.copy(side, dir.resolve("snapshot.db" + suffix));
                }
            }
            return new PlanningSnapshot(SqliteConnections.scratch(copy), dir);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (tempDir != null) {
                deleteTree(tempDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary copy is harmless
        }
    }
}
