package dbmedic.core.postgres.backup;

import dbmedic.core.postgres.PgSession;
import dbmedic.core.postgres.backup.PgBackupManifest.IndexEntry;
import dbmedic.core.postgres.backup.PgBackupManifest.TableEntry;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;

/**
 * Brings the vector tables of a backup back, in one transaction: each table's rows are replaced
 * by the backup's, the column's type is set back to the backup's when it was changed and that
 * type can be created now, and the content checksums are recomputed before COMMIT: a restore
 * that would not reproduce the backup's checksums is rolled back.
 */
public final class VectorTableRestore {

    /** What {@link #restore} will do, in plain steps, without changing anything. */
    public List<String> preview(PgSession session, PgBackupResult backup) throws UnusableInputException {
        PgBackupManifest manifest = ImmichBackup.manifestOf(backup.folder());
        List<String> steps = new ArrayList<>();
        if (manifest.target() != null && !manifest.target().equals(session.target().displayName())) {
            steps.add("Note: this backup was taken from " + manifest.target() + "; it is restored into "
                    + session.target().displayName() + ".");
        }
        try (Connection c = session.readOnly("restore preview")) {
            c.setAutoCommit(false);
            for (TableEntry t : manifest.tables()) {
                if (!exists(c, t.table())) {
                    steps.add(t.table() + ": does not exist in this database, so it cannot be restored (restore the pg_dump file instead).");
                    continue;
                }
                TableDdl live = TableDdl.read(c, t.table(), t.keyColumn());
                steps.add(t.table() + ": replace its rows by the backup's " + t.rows() + " rows (checksum "
                        + BackupVerifier.shortHash(t.sha256()) + "), in one transaction.");
                if (!live.qualifiedType().equals(t.qualifiedType())) {
                    if (typeExists(c, t.qualifiedType())) {
                        steps.add(t.table() + ": change column embedding from " + live.qualifiedType() + " back to "
                                + t.qualifiedType() + " (its vector indexes are dropped first).");
                    } else {
                        steps.add(t.table() + ": column embedding stays " + live.qualifiedType() + ": the backup's type "
                                + t.qualifiedType() + " cannot be created now"
                                + (t.typeExtension().isEmpty() ? "" : " (extension " + t.typeExtension() + " is not installed)") + ".");
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new UnusableInputException("The database could not be read: " + e.getMessage(), e);
        }
        steps.add("Commit only if every table's row count and checksum then equal the backup's; otherwise roll back.");
        return steps;
    }

    /**
     * Restores; {@link RestoreResult#committed()} false when the checksums would not have
     * matched (rolled back).
     *
     * @throws RestoreFailedException a statement failed; rolled back, nothing changed
     * @throws CancelledException     the user cancelled; rolled back
     */
    public RestoreResult restore(PgSession session, PgBackupResult backup, Progress progress)
            throws RestoreFailedException, UnusableInputException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        PgBackupManifest manifest = ImmichBackup.manifestOf(backup.folder());
        if (manifest.tables().isEmpty()) {
            throw new RestoreFailedException("The backup holds no vector table; nothing was changed.");
        }
        List<String> notes = new ArrayList<>();
        List<RestoredTable> restored = new ArrayList<>();
        try (Connection c = session.forChange("restore")) {
            c.setAutoCommit(false);
            try {
                for (TableEntry t : manifest.tables()) {
                    p.checkCancelled();
                    restored.add(restoreTable(c, backup.folder(), t, notes, p));
                }
                List<RestoredTable> differing = restored.stream().filter(r -> !r.matches()).toList();
                if (!differing.isEmpty()) {
                    c.rollback();
                    List<String> why = differing.stream().map(r -> r.table() + " would hold " + r.after().rows()
                            + " rows with checksum " + BackupVerifier.shortHash(r.after().sha256()) + " instead of "
                            + r.expected().rows() + " rows with checksum " + BackupVerifier.shortHash(r.expected().sha256())).toList();
                    return new RestoreResult(false, restored, notes, "Not restored: " + String.join("; ", why)
                            + ". Everything was rolled back; the database is as it was.");
                }
                c.commit();
            } catch (SQLException | IOException | RestoreFailedException | RuntimeException e) {
                rollbackQuietly(c);
                if (e instanceof IOException && e.getCause() instanceof CancelledException cancelled) {
                    throw cancelled;
                }
                if (e instanceof RestoreFailedException r) {
                    throw r;
                }
                if (e instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                    // Photos or faces deleted since the backup: their embeddings have nothing to belong to.
                    throw new RestoreFailedException("The backup holds embeddings of photos or faces deleted since it was"
                            + " made, so PostgreSQL refused them (foreign key: " + firstLine(sql.getMessage()) + ")."
                            + " Everything was rolled back; the database is as it was. Restoring these tables alone"
                            + " cannot bring deleted photos back; Immich's Smart Search and Face Detection jobs (\"All\")"
                            + " compute missing embeddings again.", e);
                }
                throw new RestoreFailedException("The restore failed and was rolled back; the database is as it was: "
                        + e.getMessage(), e);
            } catch (CancelledException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            // Only close() can land here, after commit or rollback.
            throw new RestoreFailedException("Closing the connection failed: " + e.getMessage(), e);
        }
        long rows = restored.stream().mapToLong(r -> r.after().rows()).sum();
        return new RestoreResult(true, restored, notes, "Restored " + restored.size() + (restored.size() == 1 ? " table" : " tables")
                + " (" + rows + " rows); row counts and checksums equal the backup's.");
    }

    private static RestoredTable restoreTable(Connection c, Path folder, TableEntry t, List<String> notes, Progress p)
            throws SQLException, IOException, CancelledException, RestoreFailedException {
        String table = TableChecksums.quote(t.table());
        if (!exists(c, t.table())) {
            throw new RestoreFailedException("Table " + t.table() + " does not exist in this database, so nothing was"
                    + " restored (restore the pg_dump file of the backup instead).");
        }
        p.message("Reading " + t.table() + " as it is now");
        TableSnapshot before = TableChecksums.of(c, t.table(), t.keyColumn(), p);
        TableDdl live = TableDdl.read(c, t.table(), t.keyColumn());

        String tmp = "dbmedic_restore_" + t.table();
        exec(c, "CREATE TEMP TABLE " + TableChecksums.quote(tmp) + " (key " + t.keyType() + ", embedding real[]) ON COMMIT DROP");
        loadBackupRows(c, folder, t, tmp, p);

        exec(c, "DELETE FROM " + table);
        String targetType = live.qualifiedType();
        List<String> dropped = new ArrayList<>();
        if (!live.qualifiedType().equals(t.qualifiedType())) {
            if (typeExists(c, t.qualifiedType())) {
                for (IndexEntry index : live.indexes()) {
                    if (index.onEmbedding()) {
                        exec(c, "DROP INDEX " + TableChecksums.quote(live.schema()) + "." + TableChecksums.quote(index.name()));
                        dropped.add(index.name());
                    }
                }
                exec(c, "ALTER TABLE " + table + " ALTER COLUMN embedding SET DATA TYPE " + t.qualifiedType()
                        + " USING embedding::real[]::" + t.qualifiedType());
                if (t.storage() != null) {
                    exec(c, "ALTER TABLE " + table + " ALTER COLUMN embedding SET STORAGE " + t.storage());
                }
                targetType = t.qualifiedType();
            } else {
                notes.add(t.table() + ".embedding stays " + live.qualifiedType() + ": the backup's type " + t.qualifiedType()
                        + " cannot be created now" + (t.typeExtension().isEmpty() ? "" : " (extension " + t.typeExtension()
                        + " is not installed)") + "; the rows were restored into the current type.");
            }
        }
        p.message("Writing the backup's rows into " + t.table());
        exec(c, "INSERT INTO " + table + " (" + TableChecksums.quote(t.keyColumn()) + ", embedding) SELECT key, embedding::"
                + targetType + " FROM " + TableChecksums.quote(tmp));
        List<String> recreated = recreateIndexes(c, t, dropped, notes);

        p.message("Checking " + t.table());
        TableSnapshot after = TableChecksums.of(c, t.table(), t.keyColumn(), p);
        String typeAfter = TableChecksums.columnType(c, t.table(), "embedding");
        return new RestoredTable(t.table(), t.snapshot(), before, after, live.columnType(), typeAfter, dropped, recreated);
    }

    /** COPY FROM the .gz into the temporary table, hashing as it goes: a changed file stops the restore. */
    private static void loadBackupRows(Connection c, Path folder, TableEntry t, String tmp, Progress p)
            throws SQLException, IOException, RestoreFailedException {
        Path file = folder.resolve(t.dataFile());
        if (!Files.isRegularFile(file)) {
            throw new RestoreFailedException(t.dataFile() + " is missing from the backup; nothing was changed.");
        }
        MessageDigest fileDigest = Sha256.digest();
        RowStreamDigest rows = new RowStreamDigest(null, p, t.rows(), "Loading " + t.table() + " from the backup");
        try (InputStream in = new HashingInput(new GZIPInputStream(new DigestInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), fileDigest), 1 << 16), rows)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TableChecksums.quote(tmp) + " (key, embedding) FROM STDIN", in);
        }
        if (!Sha256.hex(fileDigest).equals(t.dataSha256()) || rows.rows() != t.rows() || !rows.sha256().equals(t.sha256())) {
            throw new RestoreFailedException(t.dataFile() + " no longer matches the backup's manifest (it was changed or"
                    + " damaged); nothing was changed.");
        }
    }

    /** The backup's vector indexes that are missing now, recreated when this server has their access method. */
    private static List<String> recreateIndexes(Connection c, TableEntry t, List<String> dropped, List<String> notes)
            throws SQLException {
        List<String> recreated = new ArrayList<>();
        for (IndexEntry index : t.indexes()) {
            if (!index.onEmbedding() || indexExists(c, t.schema(), index.name())) {
                continue;
            }
            if (!accessMethodExists(c, index.accessMethod())) {
                notes.add(index.name() + " was not recreated: access method " + index.accessMethod()
                        + " is not installed here. Immich rebuilds its vector index at its next start.");
                continue;
            }
            Savepoint sp = c.setSavepoint();
            try {
                exec(c, index.definition());
                c.releaseSavepoint(sp);
                recreated.add(index.name());
            } catch (SQLException e) {
                c.rollback(sp);
                notes.add(index.name() + " could not be recreated (" + firstLine(e.getMessage())
                        + "). Immich rebuilds its vector index at its next start.");
            }
        }
        for (String name : dropped) {
            if (!recreated.contains(name) && t.indexes().stream().noneMatch(i -> i.name().equals(name))) {
                notes.add(name + " was dropped to change the column's type; Immich rebuilds it at its next start.");
            }
        }
        return recreated;
    }

    static boolean exists(Connection c, String table) throws SQLException {
        return bool(c, "SELECT to_regclass(quote_ident(?)) IS NOT NULL", table);
    }

    static boolean typeExists(Connection c, String qualifiedType) throws SQLException {
        if (qualifiedType == null) {
            return false;
        }
        Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            boolean exists = bool(c, "SELECT to_regtype(?) IS NOT NULL", qualifiedType);
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
            return exists;
        } catch (SQLException e) {
            // A type modifier the type no longer accepts: it cannot be created.
            if (sp != null) {
                c.rollback(sp);
            }
            return false;
        }
    }

    private static boolean indexExists(Connection c, String schema, String name) throws SQLException {
        return bool(c, "SELECT to_regclass(quote_ident(?) || '.' || quote_ident(?)) IS NOT NULL", schema, name);
    }

    private static boolean accessMethodExists(Connection c, String name) throws SQLException {
        return bool(c, "SELECT EXISTS (SELECT 1 FROM pg_am WHERE amname = ?)", name);
    }

    private static boolean bool(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setString(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is closed next; the server rolls back what was not committed.
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
