package dbmedic.core.backup;

import dbmedic.core.sqlite.IntegrityPragma;
import dbmedic.core.sqlite.ReadOnlyDatabase;
import dbmedic.core.sqlite.SqliteOpener;
import dbmedic.core.target.SqliteTarget;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteConnection;

/**
 * Online-backup-API copy of a SQLite database, then verified. The source is opened
 * read-only, so its -wal is read (rows that live only there are copied) but never
 * checkpointed or deleted. Rows are counted in the same read transaction as the copy, so
 * the counts describe exactly the copied snapshot even if the app writes meanwhile.
 */
public final class SqliteBackup {
    private static final int PAGES_PER_STEP = 256;
    private static final int BUSY_SLEEP_MILLIS = 100;
    private static final int BUSY_RETRIES = 50;
    private static final long SPACE_MARGIN = 1L << 20;

    private SqliteBackup() {
    }

    /** {@code directory} null: beside the database. */
    public static BackupResult backup(SqliteTarget target, Path directory, Progress progress)
            throws BackupFailedException, CancelledException {
        Path database = target.database().toAbsolutePath();
        if (!Files.isRegularFile(database)) {
            throw new BackupFailedException("The database file does not exist: " + database);
        }
        progress.checkCancelled();
        Path dir = (directory == null ? database.getParent() : directory.toAbsolutePath());
        Path temp = null;
        Path finalFile;
        Path moved = null;
        Path manifestFile = null;
        try {
            Files.createDirectories(dir);
            long sourceBytes = Files.size(database);
            long walBytes = Files.exists(target.wal()) ? Files.size(target.wal()) : 0;
            checkSpace(dir, sourceBytes + walBytes);
            Instant at = Instant.now();
            finalFile = BackupNames.freeName(dir, database, LocalDateTime.now());
            String stem = finalFile.getFileName().toString();
            temp = Files.createTempFile(dir, "." + stem.substring(0, stem.length() - 3), ".partial");

            Snapshot source = copy(target, temp, progress);
            progress.checkCancelled();

            progress.update(-1, -1, "Checking the copy (integrity_check and row counts)");
            String integrity;
            Map<String, Long> copyCounts;
            java.util.concurrent.CompletableFuture<String> hash;
            try (Connection c = SqliteConnections.scratch(temp); Statement st = c.createStatement()) {
                // A self-contained file: the copy must not depend on a -wal of its own.
                st.execute("PRAGMA journal_mode=DELETE");
            }
            // Closed in DELETE mode, the copy no longer changes: hash it while SQLite checks it
            // through a read-only connection (two readers, two cores).
            Path copyFile = temp;
            hash = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return FileHash.sha256(copyFile);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (Connection c = SqliteConnections.readOnly(temp); Statement st = c.createStatement()) {
                integrity = IntegrityPragma.integrityCheck(st);
                copyCounts = TableRowCounts.count(c);
            }
            if (!"ok".equals(integrity)) {
                throw new BackupFailedException("The copy failed SQLite's integrity check: " + integrity);
            }
            if (!copyCounts.equals(source.counts())) {
                throw new BackupFailedException("The copy's row counts differ from the database's: "
                        + copyCounts + " vs " + source.counts());
            }
            progress.checkCancelled();
            progress.update(-1, -1, "Computing the copy's SHA-256");
            String sha;
            try {
                sha = hash.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new BackupFailedException("Cannot hash the copy: " + oneLine(e.getCause()), e.getCause());
            }
            long bytes = Files.size(temp);
            Files.move(temp, finalFile);
            moved = finalFile;
            temp = null;
            manifestFile = BackupManifest.pathFor(finalFile);
            BackupManifest manifest = new BackupManifest(1, database.toString(), sourceBytes, walBytes,
                    finalFile.getFileName().toString(), bytes, sha, copyCounts, integrity, source.sqliteVersion(),
                    at.toString());
            manifest.write(manifestFile);
            progress.update(1, 1, "Backup verified: " + finalFile.getFileName());
            return new BackupResult(finalFile, manifestFile, bytes, sha, copyCounts, integrity, true, at);
        } catch (BackupFailedException | CancelledException e) {
            cleanUp(temp, moved, manifestFile);
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            cleanUp(temp, moved, manifestFile);
            throw new BackupFailedException("The backup failed: " + oneLine(e), e);
        }
    }

    /**
     * Checks a backup made earlier from its manifest: the file is still there and has the
     * recorded SHA-256. Never throws for a bad backup: the result says {@code verified=false}.
     */
    public static BackupResult fromManifest(Path manifest) throws BackupFailedException {
        try {
            return BackupManifest.read(manifest).toResult(manifest);
        } catch (IOException | RuntimeException e) {
            throw new BackupFailedException("Cannot read the backup manifest " + manifest + ": " + oneLine(e), e);
        }
    }

    private record Snapshot(Map<String, Long> counts, String sqliteVersion) {
    }

    private static Snapshot copy(SqliteTarget target, Path temp, Progress progress)
            throws SQLException, BackupFailedException, CancelledException {
        // A hot -journal needs a rollback, which a read-only connection cannot do: copy from the
        // engine's private snapshot then (recovery runs in the copy, the original stays as it is).
        ReadOnlyDatabase snapshot = null;
        Connection source;
        if (Files.exists(target.journal())) {
            try {
                snapshot = SqliteOpener.open(target);
            } catch (UnusableInputException e) {
                throw new BackupFailedException(e.getMessage(), e);
            }
            source = snapshot.connection();
        } else {
            source = SqliteConnections.readOnly(target.database());
        }
        try {
            return copy(source, temp, progress);
        } finally {
            if (snapshot != null) {
                snapshot.close();
            } else {
                source.close();
            }
        }
    }

    private static Snapshot copy(Connection source, Path temp, Progress progress)
            throws SQLException, BackupFailedException, CancelledException {
        AtomicBoolean cancelled = new AtomicBoolean();
        try (Statement st = source.createStatement()) {
            st.execute("BEGIN");
            try {
                progress.update(-1, -1, "Counting rows in the database");
                Map<String, Long> counts = TableRowCounts.count(source);
                String version;
                try (ResultSet rs = st.executeQuery("SELECT sqlite_version()")) {
                    rs.next();
                    version = rs.getString(1);
                }
                // The native copy loop cannot be stopped from here; a cancel is honoured right after it.
                int rc = source.unwrap(SQLiteConnection.class).getDatabase().backup("main", temp.toString(),
                        (remaining, total) -> {
                            if (progress.isCancelled()) {
                                cancelled.set(true);
                            }
                            progress.update(total - remaining, total, "Copying page " + (total - remaining) + " of " + total);
                        }, BUSY_SLEEP_MILLIS, BUSY_RETRIES, PAGES_PER_STEP);
                if (cancelled.get()) {
                    throw new CancelledException();
                }
                if (rc != 0) {
                    throw new BackupFailedException("SQLite could not copy the database (result code " + rc + ")");
                }
                return new Snapshot(counts, version);
            } finally {
                st.execute("ROLLBACK");
            }
        }
    }


    private static void checkSpace(Path dir, long needed) throws IOException, BackupFailedException {
        long usable = Files.getFileStore(dir).getUsableSpace();
        if (usable < needed + SPACE_MARGIN) {
            throw new BackupFailedException("Not enough free space in " + dir + ": the backup needs about "
                    + mb(needed + SPACE_MARGIN) + " MB, " + mb(usable) + " MB are free");
        }
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private static void cleanUp(Path... files) {
        for (Path f : files) {
            if (f == null) {
                continue;
            }
            try {
                Files.deleteIfExists(f);
                Files.deleteIfExists(f.resolveSibling(f.getFileName() + "-journal"));
            } catch (IOException ignored) {
                // best effort: the failure being reported matters more
            }
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }
}
