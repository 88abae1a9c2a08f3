package dbmedic.core.postgres.backup;

import dbmedic.core.postgres.backup.PgBackupManifest.TableEntry;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;

/**
 * Backs up one vector table: its DDL to {@code <table>.ddl.sql} and its rows, streamed with
 * {@code COPY (SELECT key, embedding::real[] FROM t ORDER BY key) TO STDOUT} into
 * {@code <table>.copy.gz} while the uncompressed stream is hashed, so the recorded checksum is
 * exactly {@link TableChecksums#of}'s. Rows never sit in memory.
 */
final class VectorTableBackup {
    private VectorTableBackup() {
    }

    /** The COPY statement {@link TableChecksums#of} hashes; the two must stay the same text. */
    static String copyOutSql(String table, String keyColumn) {
        return "COPY (SELECT " + TableChecksums.quote(keyColumn) + ", embedding::real[] FROM " + TableChecksums.quote(table)
                + " ORDER BY " + TableChecksums.quote(keyColumn) + ") TO STDOUT";
    }

    static TableEntry backUp(Connection c, String table, String keyColumn, Path folder, String takenAt, Progress progress)
            throws SQLException, IOException, CancelledException {
        TableDdl ddl = TableDdl.read(c, table, keyColumn);
        Path ddlFile = folder.resolve(BackupFiles.ddlFileName(table));
        Files.writeString(ddlFile, ddl.script(takenAt), StandardCharsets.UTF_8);

        Path dataFile = folder.resolve(BackupFiles.dataFileName(table));
        MessageDigest fileDigest = Sha256.digest();
        RowStreamDigest rows;
        try (OutputStream file = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(dataFile), 1 << 16), fileDigest);
             GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16)) {
            rows = new RowStreamDigest(gz, progress, estimate(c, table), "Copying " + table);
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOutSql(table, keyColumn), rows);
            } catch (IOException e) {
                if (e.getCause() instanceof CancelledException cancelled) {
                    throw cancelled;
                }
                throw e;
            }
        }
        return new TableEntry(table, ddl.schema(), keyColumn, ddl.keyType(), ddl.columnType(), ddl.qualifiedType(),
                ddl.typeExtension(), ddl.storage(), rows.rows(), rows.sha256(), dataFile.getFileName().toString(),
                Files.size(dataFile), Sha256.hex(fileDigest), ddlFile.getFileName().toString(), Sha256.ofFile(ddlFile),
                ddl.indexes(), ddl.constraints());
    }

    /** The planner's row estimate, for a progress bar only (never a full count). */
    private static long estimate(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = to_regclass(quote_ident(?))")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
